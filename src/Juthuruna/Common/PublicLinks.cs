namespace Juthuruna.Common;

/// <summary>
/// The absolute addresses people outside the application open: the QR code of a letter, the links in messages to
/// beneficiaries. They are built from one configured public base (<c>Letters:PublicBaseUrl</c>), never from the
/// request that happens to cause them (a background job has none, and a Host header is the client's to choose).
/// </summary>
public static class PublicLinks
{
    public static string Verify(string baseUrl, string code) => Combine(baseUrl, $"verify/{code}");

    /// <summary>An association's portal page, e.g. <c>Portal(base, "juthuruna", "track")</c> → <c>{base}/t/juthuruna/track</c>.</summary>
    public static string Portal(string baseUrl, string slug, string? page = null) =>
        Combine(baseUrl, page is { Length: > 0 } ? $"t/{slug}/{page.TrimStart('/')}" : $"t/{slug}");

    private static string Combine(string baseUrl, string path) => $"{baseUrl.TrimEnd('/')}/{path}";
}
