using Juthuruna.Features.Files;
using SkiaSharp;

namespace Juthuruna.Features.Letters;

/// <summary>
/// A letterhead logo made fit for printing: its size is read from the image header before any pixel is decoded
/// (so an absurd image costs nothing), and one larger than a letterhead needs is scaled down once, on upload,
/// instead of on every letter.
/// </summary>
internal sealed record LogoImage(byte[]? Bytes, int Width, int Height, LogoImage.Refusal Problem)
{
    public enum Refusal
    {
        None,
        NotAnImage,
        TooManyPixels,
    }

    public static LogoImage Undecodable { get; } = new(null, 0, 0, Refusal.NotAnImage);

    /// <param name="contentType">PNG or JPEG, detected from the content; the scaled logo keeps it (PNG keeps transparency).</param>
    public static LogoImage Prepare(byte[] bytes, string contentType)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Undecodable;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > LetterheadSettings.MaxLogoPixels)
        {
            return new LogoImage(null, width, height, Refusal.TooManyPixels);
        }

        var longSide = Math.Max(width, height);
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null)
        {
            return Undecodable;
        }

        if (longSide <= LetterheadSettings.LogoLongSide)
        {
            // Small enough already: kept byte for byte.
            return new LogoImage(bytes, width, height, Refusal.None);
        }

        var scale = (double)LetterheadSettings.LogoLongSide / longSide;
        var target = decoded.Info.WithSize(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
        // Mipmaps average the many source pixels behind each target pixel (no aliasing on a large reduction).
        using var scaled = decoded.Resize(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("The logo could not be scaled.");
        using var encoded = contentType == FileContent.Jpeg
            ? scaled.Encode(SKEncodedImageFormat.Jpeg, 90)
            : scaled.Encode(SKEncodedImageFormat.Png, 100);
        return new LogoImage(encoded.ToArray(), target.Width, target.Height, Refusal.None);
    }
}
