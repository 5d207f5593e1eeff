using Juthuruna.Common.Saudi;

namespace Juthuruna.Tests.Saudi;

public sealed class SaudiMobileTests
{
    [Theory]
    [InlineData("0556766873")]
    [InlineData("556766873")]
    [InlineData("+966556766873")]
    [InlineData("966556766873")]
    [InlineData("00966556766873")]
    [InlineData("055 676 6873")]
    [InlineData("٠٥٥٦٧٦٦٨٧٣")]
    [InlineData("+٩٦٦٥٥٦٧٦٦٨٧٣")]
    [InlineData("(055) 676-6873")]
    [InlineData(" +966 55 676 6873 ")]
    public void TryNormalize_accepted_forms_give_e164(string input)
    {
        Assert.True(SaudiMobile.TryNormalize(input, out var e164));
        Assert.Equal("+966556766873", e164);
        Assert.Equal("0556766873", SaudiMobile.ToLocal(e164));
    }

    [Theory]
    [InlineData("0126543210")] // Jeddah landline, not a mobile
    [InlineData("05567668")]
    [InlineData("+971501234567")] // UAE mobile
    [InlineData("abc")]
    [InlineData("")]
    public void TryNormalize_non_saudi_mobiles_are_refused(string input) =>
        Assert.False(SaudiMobile.TryNormalize(input, out _));

    [Theory]
    [InlineData("0556766873x")]
    [InlineData("x0556766873")]
    [InlineData("0556766873xyz")]
    [InlineData("05567x66873")]
    [InlineData("٠٥٥٦٧٦٦٨٧٣ب")]
    [InlineData("0556766873#")]
    [InlineData("055+6766873")]
    [InlineData("tel:0556766873")]
    public void TryNormalize_stray_letters_or_symbols_are_refused(string input) =>
        Assert.False(SaudiMobile.TryNormalize(input, out _));

    [Theory]
    [InlineData("0126543210x")]
    [InlineData("x920012345")]
    [InlineData("0556766873x")]
    public void TryNormalizePhone_stray_letters_are_refused(string input) =>
        Assert.False(Juthuruna.Features.Letters.LetterheadSettings.TryNormalizePhone(input, out _));

    [Theory]
    [InlineData("012 654 3210", "0126543210")]
    [InlineData("(012) 654-3210", "0126543210")]
    public void TryNormalizePhone_landline_with_separators_is_accepted(string input, string expected)
    {
        Assert.True(Juthuruna.Features.Letters.LetterheadSettings.TryNormalizePhone(input, out var phone));
        Assert.Equal(expected, phone);
    }
}
