#!/usr/bin/env -S dotnet run
// Where a letter's print time goes (issue 13): the real receipt letter (LetterComposer → HTML, the app's page
// style) printed in warm Chromium one at a time, changing one print setting per row against the app's settings.
// Compose (Razor → HTML + QR) is timed apart. Same PuppeteerSharp and Chromium flags as PdfRenderer.
//   dotnet run -c Release benchmarks/letters-breakdown.cs   (Env: RENDERS=40, CHROMIUM=/usr/bin/chromium)
#:project ../src/Juthuruna/Juthuruna.csproj
using System.Diagnostics;
using System.Globalization;
using Juthuruna.Features.Letters;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;
using PuppeteerSharp.Media;

var renders = int.Parse(Environment.GetEnvironmentVariable("RENDERS") ?? "40", CultureInfo.InvariantCulture);
var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";
string Load() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

var services = new ServiceCollection()
    .AddLogging()
    .AddLocalization(o => o.ResourcesPath = "Resources")
    .AddScoped<LetterComposer>()
    .AddScoped<ReceiptLetter>()
    .BuildServiceProvider();
var arabic = CultureInfo.GetCultureInfo("ar-SA");
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = arabic;
var head = new Letterhead("جمعية جذورنا الثقافية", "Juthuruna Cultural Association", "1234", "جدة", "حي الروضة، شارع الأمير سلطان", "0126543210",
    "info@juthuruna.org.sa", null, null, "أ. هند بنت سعد القحطاني", "المدير التنفيذي", "JTH");

async Task<string> ComposeAsync(int n)
{
    await using var scope = services.CreateAsyncScope();
    var draft = scope.ServiceProvider.GetRequiredService<ReceiptLetter>().Sample();
    const string Url = "http://localhost:5080/verify/q7mTGwL4gtWYtf-RyzNNMg";
    return await scope.ServiceProvider.GetRequiredService<LetterComposer>().ComposeAsync(
        new LetterEnvelope(head, LetterKind.Receipt, FormattableString.Invariant($"JTH/1448/{n:0000}"), new DateOnly(2026, 11, 26), draft.RecipientName, draft.Title,
            Url, LetterRegister.QrSvg(Url), null, false, arabic),
        draft);
}

const string PageStyle =
    "<style>@page { size: A4; margin: 18mm 18mm 20mm 18mm; @bottom-center { content: \"صفحة \" counter(page) \" من \" counter(pages);"
    + " direction: rtl; font-family: 'Amiri', 'Noto Naskh Arabic', serif; font-size: 9pt; font-kerning: none; } }</style>";
const string FooterTemplate =
    "<div dir=\"rtl\" style=\"width:100%;font-size:9pt;font-family:'Amiri','Noto Naskh Arabic',serif;font-kerning:none;text-align:center;\">"
    + "صفحة <span class=\"pageNumber\"></span> من <span class=\"totalPages\"></span></div>";

var composeTimes = new List<double>();
var html = "";
for (var i = 0; i < renders; i++)
{
    var one = Stopwatch.StartNew();
    html = await ComposeAsync(i);
    composeTimes.Add(one.Elapsed.TotalMilliseconds);
}

composeTimes.Sort();
Console.WriteLine(FormattableString.Invariant($"compose (Razor → HTML + QR), {renders}: median {composeTimes[renders / 2]:F1} ms; html {html.Length} chars   (load average: {Load()})"));
var styled = html.Insert(html.IndexOf("<head>", StringComparison.Ordinal) + 6, PageStyle);

await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async Task<IPage> PageAsync(bool intercept)
{
    var page = await browser.NewPageAsync();
    if (intercept)
    {
        await page.SetRequestInterceptionAsync(true);
        page.Request += (_, e) => _ = e.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? e.Request.ContinueAsync() : e.Request.AbortAsync();
    }

    return page;
}

var intercepting = await PageAsync(true);
var plain = await PageAsync(false);

var app = new PdfOptions { Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true, WaitForFonts = true };
var rows = new (string Label, IPage Page, string Html, WaitUntilNavigation Wait, PdfOptions Options)[]
{
    ("app: @page footer, Load, tagged", intercepting, styled, WaitUntilNavigation.Load, app),
    ("before: footerTemplate", intercepting, html, WaitUntilNavigation.Load, new PdfOptions
    {
        Format = PaperFormat.A4, PrintBackground = true, WaitForFonts = true,
        MarginOptions = new MarginOptions { Top = "18mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
        DisplayHeaderFooter = true, HeaderTemplate = "<span></span>", FooterTemplate = FooterTemplate,
    }),
    ("no footer at all", intercepting, html, WaitUntilNavigation.Load, new PdfOptions { Format = PaperFormat.A4, PrintBackground = true, WaitForFonts = true }),
    ("untagged (Tagged = false)", intercepting, styled, WaitUntilNavigation.Load, new PdfOptions { Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true, WaitForFonts = true, Tagged = false }),
    ("WaitForFonts = false", intercepting, styled, WaitUntilNavigation.Load, new PdfOptions { Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true }),
    ("DOMContentLoaded", intercepting, styled, WaitUntilNavigation.DOMContentLoaded, app),
    ("no request interception", plain, styled, WaitUntilNavigation.Load, app),
    ("no QR code (svg removed)", intercepting, styled.Replace(LetterRegister.QrSvg("http://localhost:5080/verify/q7mTGwL4gtWYtf-RyzNNMg"), "", StringComparison.Ordinal), WaitUntilNavigation.Load, app),
};

async Task<(double Set, double Pdf)> PrintAsync(IPage page, string content, WaitUntilNavigation wait, PdfOptions options)
{
    var start = Stopwatch.GetTimestamp();
    await page.SetContentAsync(content, new SetContentOptions { WaitUntil = [wait] });
    var set = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    await page.PdfDataAsync(options);
    return (set, Stopwatch.GetElapsedTime(start).TotalMilliseconds - set);
}

// Round robin over the rows, so a change in the machine's load falls on every row alike.
var times = rows.Select(_ => new List<(double Set, double Pdf)>()).ToArray();
for (var i = -4; i < renders; i++)
{
    for (var r = 0; r < rows.Length; r++)
    {
        var t = await PrintAsync(rows[r].Page, rows[r].Html, rows[r].Wait, rows[r].Options);
        if (i >= 0)
        {
            times[r].Add(t);
        }
    }
}

double Median(IEnumerable<double> xs) => xs.Order().ElementAt(renders / 2);
for (var r = 0; r < rows.Length; r++)
{
    var total = times[r].Select(t => t.Set + t.Pdf).Order().ToList();
    Console.WriteLine(FormattableString.Invariant(
        $"{rows[r].Label,-34} median {Median(total),4:F0} ms (set content {Median(times[r].Select(t => t.Set)),3:F0}, pdf {Median(times[r].Select(t => t.Pdf)),3:F0}), p95 {total[(int)Math.Ceiling(0.95 * renders) - 1],4:F0} ms")); 
}

Console.WriteLine($"load average at end: {Load()}");
