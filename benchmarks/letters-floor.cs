#!/usr/bin/env -S dotnet run
// The floor for a letter: warm headless Chromium (the app's PuppeteerSharp, one browser, one reused page) printing a
// trivial one-line Arabic page to an A4 PDF, one at a time. Also the same page with each way of printing the
// "صفحة X من Y" footer, so the footer's own cost shows:
//   bare            no footer (the floor)
//   css-footer      CSS @page margin box: counter(page) / counter(pages)
//   puppeteer-footer Puppeteer's displayHeaderFooter + footerTemplate (what the app used before issue 13)
//   dotnet run -c Release benchmarks/letters-floor.cs   (Env: RENDERS=60, CHROMIUM=/usr/bin/chromium)
#:project ../src/Juthuruna/Juthuruna.csproj
using System.Diagnostics;
using System.Globalization;
using PuppeteerSharp;
using PuppeteerSharp.Media;

var renders = int.Parse(Environment.GetEnvironmentVariable("RENDERS") ?? "60", CultureInfo.InvariantCulture);
var chromium = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

const string Bare = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><body style=\"font-family:'Amiri',serif\"><p>بسم الله الرحمن الرحيم</p></body></html>";
const string CssFooter = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><meta charset=\"utf-8\"><style>@page { size: A4; margin: 18mm 18mm 20mm;"
    + " @bottom-center { content: \"صفحة \" counter(page) \" من \" counter(pages); font-family: 'Amiri', serif; font-size: 9pt; } }</style>"
    + "<body style=\"font-family:'Amiri',serif\"><p>بسم الله الرحمن الرحيم</p></body></html>";
const string FooterTemplate =
    "<div dir=\"rtl\" style=\"width:100%;font-size:9pt;font-family:'Amiri','Noto Naskh Arabic',serif;font-kerning:none;text-align:center;\">"
    + "صفحة <span class=\"pageNumber\"></span> من <span class=\"totalPages\"></span></div>";

await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
await using var page = await browser.NewPageAsync();

async Task<byte[]> PrintAsync(string html, bool puppeteerFooter)
{
    await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
    return await page.PdfDataAsync(new PdfOptions
    {
        Format = PaperFormat.A4,
        PrintBackground = true,
        PreferCSSPageSize = !puppeteerFooter,
        MarginOptions = puppeteerFooter ? new MarginOptions { Top = "18mm", Bottom = "20mm", Left = "18mm", Right = "18mm" } : new MarginOptions(),
        DisplayHeaderFooter = puppeteerFooter,
        HeaderTemplate = puppeteerFooter ? "<span></span>" : null,
        FooterTemplate = puppeteerFooter ? FooterTemplate : null,
    });
}

Console.WriteLine(FormattableString.Invariant($"chromium: {await browser.GetVersionAsync()}, {renders} warm prints per row, one at a time, rows taken in turn"));
var rows = new[] { ("bare (the floor)", Bare, false), ("css-footer (@page margin box)", CssFooter, false), ("puppeteer-footer (footerTemplate)", Bare, true) };
var times = rows.Select(_ => new List<double>()).ToArray();
var busy = new double[rows.Length];
for (var i = -10; i < renders; i++)
{
    for (var r = 0; r < rows.Length; r++)
    {
        var one = Stopwatch.StartNew();
        await PrintAsync(rows[r].Item2, rows[r].Item3);
        if (i >= 0)
        {
            times[r].Add(one.Elapsed.TotalMilliseconds);
            busy[r] += one.Elapsed.TotalSeconds;
        }
    }
}

for (var r = 0; r < rows.Length; r++)
{
    var t = times[r];
    t.Sort();
    double At(double q) => t[Math.Min(t.Count - 1, (int)Math.Ceiling(q * t.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant(
        $"floor {rows[r].Item1,-34} median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {t[^1]:F0} ms, {t.Count / busy[r]:F1} prints/s"));
}

Console.WriteLine(FormattableString.Invariant($"floor load average at end: {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])}"));
