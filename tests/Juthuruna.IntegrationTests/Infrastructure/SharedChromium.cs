using Juthuruna.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// One <see cref="PdfRenderer"/> — one headless Chromium, launched on the first letter — for every test host of the
/// process whose letter settings are <see cref="AppFactory"/>'s own, instead of one browser per test class (each launch
/// costs a second or more of CPU on a busy machine). The renderer already serves concurrent letters from a pool of
/// pages; closed when the test process exits.
/// </summary>
public static class SharedChromium
{
    /// <summary>The letter settings <see cref="AppFactory"/> gives every host.</summary>
    public static LetterOptions Options { get; } = new()
    {
        // Room for every letter a test issues at once (20 in the numbering test) while other classes print too.
        QueueLimit = 64,
        // A render is abandoned only when something is broken, never because the machine is busy.
        TimeoutSeconds = 300,
    };

    private static readonly Lazy<PdfRenderer> Shared = new(() =>
    {
        var renderer = new PdfRenderer(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<PdfRenderer>.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => renderer.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        return renderer;
    });

    public static PdfRenderer Renderer => Shared.Value;

    /// <summary>Whether a host with this configuration prints as the shared renderer does.</summary>
    public static bool Fits(IConfiguration configuration)
    {
        var host = configuration.GetSection("Letters").Get<LetterOptions>() ?? new LetterOptions();
        return host.ChromiumPath == Options.ChromiumPath
            && host.MaxConcurrency == Options.MaxConcurrency
            && host.QueueLimit == Options.QueueLimit
            && host.TimeoutSeconds == Options.TimeoutSeconds;
    }
}
