namespace Juthuruna;

/// <summary>
/// Marker for the one shared set of UI texts (<c>Resources/SharedResource.*.resx</c>). Keys are the
/// English texts; the Arabic resource must hold every key (a test checks), English falls back to the key.
/// </summary>
public sealed class SharedResource;
