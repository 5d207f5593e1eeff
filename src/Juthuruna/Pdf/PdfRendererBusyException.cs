namespace Juthuruna.Pdf;

/// <summary>
/// Every print slot is taken and <see cref="LetterOptions.QueueLimit"/> letters already wait for one: the renderer
/// refuses at once instead of queueing without end. Thrown by <see cref="PdfRenderer.Admit"/> before a letter takes
/// its number, so a refused letter leaves nothing in the register. Pages answer 429 with <see cref="RetryAfter"/>
/// and <see cref="UserMessageKey"/> through the localizer.
/// </summary>
public sealed class PdfRendererBusyException : Exception
{
    /// <summary>The localizer key (with its Arabic in SharedResource.ar.resx) a page shows the user.</summary>
    public const string UserMessageKey = "The letter printer is busy with other letters. Nothing was issued and no number was taken; please try again in a moment.";

    public PdfRendererBusyException()
    {
    }

    public PdfRendererBusyException(string message)
        : base(message)
    {
    }

    public PdfRendererBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When to try again: about the time the queue ahead takes to print.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(2);
}
