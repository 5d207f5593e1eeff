using Juthuruna.Features.Policies;

namespace Juthuruna.Tests.Policies;

public sealed class PolicyMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("[اضغط](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"position:fixed\">نص</p>", "style=")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"x\"></form>", "<form")]
    public void ToSafeHtml_dangerous_markup_is_removed(string markdown, string forbidden)
    {
        var html = PolicyMarkdown.ToSafeHtml(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_headings_lists_tables_and_links_are_kept()
    {
        var html = PolicyMarkdown.ToSafeHtml("## الهدف العام\n\n- بند\n\n1. أول\n2. ثانٍ\n\n| البند | المدة |\n|---|---|\n| الرد | أسبوعان |\n\n[الموقع](https://juthuruna.org.sa)");

        Assert.Contains("<h2>الهدف العام</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<td>أسبوعان</td>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://juthuruna.org.sa\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_empty_text_is_empty() => Assert.Equal("", PolicyMarkdown.ToSafeHtml("  "));

    [Fact]
    public void Diff_marks_the_changed_line_deleted_and_inserted_and_keeps_the_rest()
    {
        var lines = PolicyDiff.Lines("أ\nب\nج", "أ\nب2\nج");

        Assert.Equal(
            [new DiffLine(DiffLineKind.Unchanged, "أ"), new DiffLine(DiffLineKind.Deleted, "ب"), new DiffLine(DiffLineKind.Inserted, "ب2"), new DiffLine(DiffLineKind.Unchanged, "ج")],
            lines);
    }
}
