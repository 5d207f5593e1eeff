namespace Juthuruna.Features.Files;

/// <summary>
/// Decides a file's type from its first bytes (magic numbers), never from its name: a ".pdf" that is an
/// executable or plain text is refused.
/// </summary>
public static class FileContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 8;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The accepted content type, or null when the bytes are not a PDF, JPEG or PNG (or empty).</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        return head.StartsWith(PngMagic) ? Png : null;
    }
}
