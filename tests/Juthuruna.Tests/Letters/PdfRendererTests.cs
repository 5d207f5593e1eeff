using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Juthuruna.Pdf;
using Juthuruna.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Juthuruna.Tests.Letters;

/// <summary>One Chromium for the whole class: launching it costs about a second.</summary>
public sealed class PdfRendererFixture : IAsyncLifetime
{
    // Production's 20 s deadline per render failed here on a 2-core machine busy with other work; the tests are about
    // what is printed, not how fast, and a render that works ends long before this bound.
    public PdfRenderer Renderer { get; } = new(Options.Create(new LetterOptions { TimeoutSeconds = 300 }), NullLogger<PdfRenderer>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Renderer.DisposeAsync();
}

/// <summary>Real Chromium (/usr/bin/chromium) and poppler's pdftotext, both installed by build.sh.</summary>
public sealed partial class PdfRendererTests(PdfRendererFixture fixture) : IClassFixture<PdfRendererFixture>
{
    private const string Sentence = "نشكر لكم تواصلكم مع الجمعية ونفيدكم باستلام طلبكم";

    private PdfRenderer Renderer => fixture.Renderer;

    private static string Letter(string body) => $$"""
        <!doctype html>
        <html lang="ar" dir="rtl">
        <head><meta charset="utf-8"><style>body { font-family: 'Amiri', 'Noto Naskh Arabic', serif; font-size: 14pt; }</style></head>
        <body>{{body}}</body>
        </html>
        """;

    private static readonly string ArabicLetter = Letter($"""
        <p>{Sentence}.</p>
        <p>رقم الطلب: <bdi dir="ltr">JTH-1447-000123</bdi></p>
        <p>رقم الجوال: <bdi dir="ltr">0556766873</bdi></p>
        <p>التاريخ: ١٤٤٧/٠٩/٠١ هـ الموافق 18/02/2026 م</p>
        """);

    [Fact]
    public async Task RenderAsync_arabic_letter_reads_back_joined_and_in_logical_order()
    {
        var pdf = await Renderer.RenderAsync(ArabicLetter, CancellationToken.None);

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        foreach (var layout in new[] { false, true })
        {
            var text = await PdfText.ExtractAsync(pdf, layout);
            Assert.Contains(Sentence, text, StringComparison.Ordinal);
            PdfText.AssertInOrder(text, "رقم الطلب", "JTH-1447-000123");
            PdfText.AssertInOrder(text, "رقم الجوال", "0556766873");
            PdfText.AssertInOrder(text, "التاريخ", "١٤٤٧/٠٩/٠١", "الموافق", "18/02/2026");
            // pdftotext moves the spaces around the digits of the footer; the words and numbers stay in order.
            Assert.Matches(@"صفحة\s*1\s*من\s*1", text);
        }
    }

    [Fact]
    public async Task RenderAsync_prints_on_a4_inside_the_letter_margins_with_the_footer_in_the_bottom_margin()
    {
        var pdf = await Renderer.RenderAsync(ArabicLetter, CancellationToken.None);

        var file = PdfText.WriteTemp(pdf);
        string words;
        try
        {
            words = await PdfText.RunAsync("pdftotext", "-bbox", file, "-");
        }
        finally
        {
            File.Delete(file);
        }

        // A4 is 595.3 x 841.9 pt; 18 mm = 51 pt at the top and the sides, 20 mm = 56.7 pt at the bottom.
        var page = PageSize().Match(words);
        Assert.InRange(double.Parse(page.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 596);
        Assert.InRange(double.Parse(page.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
        var boxes = WordBox().Matches(words)
            .Select(m => (Word: m.Groups[5].Value, Box: Enumerable.Range(1, 4).Select(i => double.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
        // The footer ("صفحة 1 من 1", read back by the text test) is the only text in the bottom margin.
        var footer = string.Join(" ", boxes.Where(b => b.Box[1] > 841.9 - 56.7).Select(b => b.Word));
        Assert.Contains("1", footer, StringComparison.Ordinal);
        Assert.True(footer.Length > 4, $"footer: '{footer}'; words: {string.Join(" | ", boxes.Select(b => $"{b.Word} {b.Box[1]}"))}");
        foreach (var (word, box) in boxes.Where(b => b.Box[1] < 841.9 - 56.7))
        {
            Assert.True(box[0] >= 50 && box[2] <= 595.3 - 50 && box[1] >= 50, $"'{word}' at {string.Join(", ", box)}");
        }
    }

    [Fact]
    public async Task RenderAsync_arabic_fonts_are_embedded()
    {
        var pdf = await Renderer.RenderAsync(ArabicLetter, CancellationToken.None);

        var file = PdfText.WriteTemp(pdf);
        var fonts = await PdfText.RunAsync("pdffonts", file);
        File.Delete(file);
        Assert.Contains("Amiri", fonts, StringComparison.Ordinal);
        Assert.DoesNotContain("DejaVu", fonts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_two_concurrent_letters_each_get_their_own_text()
    {
        var first = Renderer.RenderAsync(Letter("<p>الخطاب الأول</p>"), CancellationToken.None);
        var second = Renderer.RenderAsync(Letter("<p>الخطاب الثاني</p>"), CancellationToken.None);
        var pdfs = await Task.WhenAll(first, second);

        var firstText = await PdfText.ExtractAsync(pdfs[0], layout: false);
        var secondText = await PdfText.ExtractAsync(pdfs[1], layout: false);
        Assert.Contains("الخطاب الأول", firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("الخطاب الثاني", firstText, StringComparison.Ordinal);
        Assert.Contains("الخطاب الثاني", secondText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_after_the_browser_was_killed_relaunches_and_renders()
    {
        await Renderer.RenderAsync(Letter("<p>قبل</p>"), CancellationToken.None);
        var killed = Renderer.BrowserProcessId;
        Assert.NotNull(killed);
        using (var process = Process.GetProcessById(killed.Value))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var pdf = await Renderer.RenderAsync(Letter("<p>بعد</p>"), CancellationToken.None);

        Assert.Contains("بعد", await PdfText.ExtractAsync(pdf, layout: false), StringComparison.Ordinal);
        Assert.NotEqual(killed, Renderer.BrowserProcessId);
    }

    [Fact]
    public async Task RenderAsync_never_fetches_urls_named_in_the_html()
    {
        // A routable address that answers nothing, and a local file: neither may reach the PDF or stall it.
        var html = Letter("""
            <p>بلا شبكة</p>
            <img src="http://192.0.2.1/logo.png" alt="">
            <iframe src="file:///etc/passwd"></iframe>
            <link rel="stylesheet" href="https://example.com/letter.css">
            """);

        var pdf = await Renderer.RenderAsync(html, CancellationToken.None);

        var text = await PdfText.ExtractAsync(pdf, layout: false);
        Assert.Contains("بلا شبكة", text, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_inline_data_uri_image_is_printed()
    {
        // Logos and QR codes are inlined as data: URIs, the one kind of request that is let through.
        const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        var pdf = await Renderer.RenderAsync(Letter($"<p>شعار</p><img src=\"data:image/png;base64,{Png}\" width=\"40\" height=\"40\" alt=\"\">"), CancellationToken.None);

        var file = PdfText.WriteTemp(pdf);
        var images = await PdfText.RunAsync("pdfimages", "-list", file);
        File.Delete(file);
        Assert.Contains("image", images.Split('\n').Skip(2).FirstOrDefault() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_without_chromium_throws_unavailable_with_the_install_command()
    {
        await using var renderer = new PdfRenderer(
            Options.Create(new LetterOptions { ChromiumPath = "/nonexistent/chromium" }),
            NullLogger<PdfRenderer>.Instance);

        var error = await Assert.ThrowsAsync<PdfRendererUnavailableException>(
            () => renderer.RenderAsync(Letter("<p>لا</p>"), CancellationToken.None));
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<page width=""([\d.]+)"" height=""([\d.]+)""")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""([\d.]+)"" yMax=""([\d.]+)"">([^<]*)</word>")]
    private static partial Regex WordBox();
}
