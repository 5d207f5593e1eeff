using Juthuruna.Common.Text;

namespace Juthuruna.Tests.Common;

public sealed class DigitsTests
{
    [Theory]
    [InlineData("٠٥٥٦٧٦٦٨٧٣", "0556766873")]
    [InlineData("۱۴۴۷", "1447")]
    [InlineData("١٢٫٥", "12.5")]
    [InlineData("abc 123", "abc 123")]
    [InlineData("حي ٣", "حي 3")]
    public void ToAscii_arabic_indic_digits_become_ascii(string input, string expected) =>
        Assert.Equal(expected, Digits.ToAscii(input));
}
