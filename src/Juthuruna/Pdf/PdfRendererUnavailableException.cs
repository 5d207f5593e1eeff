namespace Juthuruna.Pdf;

/// <summary>
/// Chromium is not installed (or cannot start) on this server. The message is English and technical for the
/// log; pages show <see cref="UserMessageKey"/> through the localizer instead.
/// </summary>
public sealed class PdfRendererUnavailableException : Exception
{
    /// <summary>The localizer key (with its Arabic in SharedResource.ar.resx) a page shows the user.</summary>
    public const string UserMessageKey = "Letters cannot be produced right now because the PDF engine is not installed on the server. Please tell the system administrator.";

    public PdfRendererUnavailableException()
    {
    }

    public PdfRendererUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRendererUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
