namespace Juthuruna.Pdf;

/// <summary>The <c>Letters</c> configuration section (PDF rendering through headless Chromium).</summary>
public sealed class LetterOptions
{
    /// <summary>The Debian <c>chromium</c> package's binary (Ubuntu's is a snap wrapper that does not work headless as root).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Letters rendered at once; each holds one Chromium page. Default = the machine's 2 cores.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// Letters that may wait for a print slot when all <see cref="MaxConcurrency"/> are busy. One more is refused at
    /// once (<see cref="PdfRendererBusyException"/>: the page answers 429 "try again", before any number is taken)
    /// rather than queued without end. 16 waiting letters print in about a second on two slots.
    /// </summary>
    public int QueueLimit { get; set; } = 16;

    /// <summary>One render (waiting for a page, layout, printing) is abandoned after this long.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Launch Chromium in the background at start-up so the first letter is warm. Off in integration tests.</summary>
    public bool WarmUpOnStart { get; set; } = true;

    /// <summary>Where the public verification page is reached: the QR code on each letter opens <c>{this}/verify/{code}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
