using Juthuruna.Common.Text;

namespace Juthuruna.Tests.Common;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("report\u202Egpj.exe", "reportgpj.exe")]
    [InlineData("\u2066محمد\u2069", "محمد")]
    [InlineData("\u202Aabc\u202C", "abc")]
    [InlineData("سطر\nسطر", "سطر\nسطر")]
    [InlineData("a\u200Fb", "a\u200Fb")]
    public void StripBidiControls_removes_embeddings_overrides_and_isolates_only(string input, string expected) =>
        Assert.Equal(expected, UserText.StripBidiControls(input));

    [Theory]
    [InlineData("  أحمد   \u200Fالسديري\t", "أحمد السديري")]
    [InlineData("\u202Eexe.pdf", "exe.pdf")]
    [InlineData("a\r\nb", "a b")]
    [InlineData("", "")]
    public void SingleLine_removes_bidi_controls_and_marks_and_collapses_spaces(string input, string expected) =>
        Assert.Equal(expected, UserText.SingleLine(input));
}
