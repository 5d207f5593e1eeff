using Juthuruna.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Juthuruna.Tests.Letters;

/// <summary>The renderer's admission: letters printing plus letters waiting never exceed the slots plus the queue.</summary>
public sealed class PdfRendererQueueTests
{
    private static PdfRenderer Renderer(int slots, int queue) =>
        new(Options.Create(new LetterOptions { MaxConcurrency = slots, QueueLimit = queue }), NullLogger<PdfRenderer>.Instance);

    [Fact]
    public async Task Admit_beyond_the_slots_and_the_queue_refuses_at_once_and_a_finished_letter_frees_its_place()
    {
        await using var renderer = Renderer(slots: 2, queue: 1);
        var first = renderer.Admit();
        using var second = renderer.Admit();
        using var third = renderer.Admit();

        var refused = Assert.Throws<PdfRendererBusyException>(() => renderer.Admit());
        Assert.True(refused.RetryAfter > TimeSpan.Zero);

        first.Dispose();
        first.Dispose();
        using var fourth = renderer.Admit();
        Assert.Throws<PdfRendererBusyException>(() => renderer.Admit());
    }

    [Fact]
    public async Task Admit_with_no_queue_admits_only_as_many_letters_as_print_at_once()
    {
        await using var renderer = Renderer(slots: 1, queue: 0);
        using (renderer.Admit())
        {
            Assert.Throws<PdfRendererBusyException>(() => renderer.Admit());
        }

        using var next = renderer.Admit();
    }

    [Theory]
    [InlineData("<!doctype html><html><head><title>x</title></head><body>b</body></html>", "<!doctype html><html><head>S<title>x</title></head><body>b</body></html>")]
    [InlineData("<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><body>b</body></html>", "<!doctype html><html lang=\"ar\" dir=\"rtl\">S<meta charset=\"utf-8\"><body>b</body></html>")]
    [InlineData("<p>b</p>", "S<p>b</p>")]
    public void WithPageStyle_puts_the_page_style_before_the_documents_own_styles_and_after_the_doctype(string html, string expected) =>
        Assert.Equal(expected, PdfRenderer.WithPageStyle(html, "S"));
}
