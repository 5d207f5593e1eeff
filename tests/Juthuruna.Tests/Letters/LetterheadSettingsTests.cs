using Juthuruna.Features.Letters;

namespace Juthuruna.Tests.Letters;

public sealed class LetterheadSettingsTests
{
    [Theory]
    [InlineData("0556766873", "0556766873")]
    [InlineData("+966 55 676 6873", "0556766873")]
    [InlineData("٠٥٥٦٧٦٦٨٧٣", "0556766873")]
    [InlineData("0112345678", "0112345678")]
    [InlineData("011 234 5678", "0112345678")]
    [InlineData("+966112345678", "0112345678")]
    [InlineData("00966126654321", "0126654321")]
    [InlineData("٠١٢٦٦٥٤٣٢١", "0126654321")]
    [InlineData("920012345", "920012345")]
    [InlineData("8001234567", "8001234567")]
    public void Phone_saudi_mobile_or_landline_is_stored_as_the_national_digits(string typed, string stored)
    {
        Assert.True(LetterheadSettings.TryNormalizePhone(typed, out var phone));
        Assert.Equal(stored, phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("011234567")]
    [InlineData("+20 2 2345 6789")]
    [InlineData("phone")]
    [InlineData("")]
    public void Phone_that_is_not_a_saudi_number_is_refused(string typed) =>
        Assert.False(LetterheadSettings.TryNormalizePhone(typed, out _));

    [Fact]
    public void Image_type_is_read_from_the_content()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];

        Assert.Equal("image/png", LetterheadSettings.ImageType(png));
        Assert.Equal("image/jpeg", LetterheadSettings.ImageType(jpeg));
        Assert.Null(LetterheadSettings.ImageType("%PDF-1.7 not a logo"u8));
        Assert.Null(LetterheadSettings.ImageType("<svg xmlns='http://www.w3.org/2000/svg'/>"u8));
        Assert.Null(LetterheadSettings.ImageType(png.AsSpan(0, 12)));
    }
}
