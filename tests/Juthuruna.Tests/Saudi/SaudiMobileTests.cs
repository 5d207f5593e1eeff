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
}
