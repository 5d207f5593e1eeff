#!/usr/bin/env -S dotnet run
// CPU time per print of the real receipt letter (this process + the Chromium tree, from /proc), warm, for print-side
// variants: PNG vs SVG QR, untagged, Noto Naskh vs Amiri, no bold (issue 13). Env: RENDERS (30), PAR (pages printing
// at once, 1), BROWSERS (Chromium processes the pages are spread over, 1), ROWS (a regex on the row labels),
// ARGS (extra Chromium flags). Usage: dotnet run -c Release benchmarks/letters-cpu.cs
#:project ../src/Juthuruna/Juthuruna.csproj
using System.Diagnostics;
using System.Globalization;
using Juthuruna.Features.Letters;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using QRCoder;

var renders = int.Parse(Environment.GetEnvironmentVariable("RENDERS") ?? "30", CultureInfo.InvariantCulture);
string Load() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").AddScoped<LetterComposer>().AddScoped<ReceiptLetter>().BuildServiceProvider();
var arabic = CultureInfo.GetCultureInfo("ar-SA");
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = arabic;
var head = new Letterhead("جمعية جذورنا الثقافية", "Juthuruna Cultural Association", "1234", "جدة", "حي الروضة، شارع الأمير سلطان", "0126543210",
    "info@juthuruna.org.sa", null, null, "أ. هند بنت سعد القحطاني", "المدير التنفيذي", "JTH");
const string Url = "http://localhost:5080/verify/q7mTGwL4gtWYtf-RyzNNMg";
async Task<string> ComposeAsync(string qr)
{
    await using var scope = services.CreateAsyncScope();
    var draft = scope.ServiceProvider.GetRequiredService<ReceiptLetter>().Sample();
    return await scope.ServiceProvider.GetRequiredService<LetterComposer>().ComposeAsync(
        new LetterEnvelope(head, LetterKind.Receipt, "JTH/1448/0001", new DateOnly(2026, 11, 26), draft.RecipientName, draft.Title, Url, qr, null, false, arabic), draft);
}
const string PageStyle = "<style>@page { size: A4; margin: 18mm 18mm 20mm 18mm; @bottom-center { content: \"صفحة \" counter(page) \" من \" counter(pages); direction: rtl; font-family: 'Amiri', 'Noto Naskh Arabic', serif; font-size: 9pt; font-kerning: none; } }</style>";
string Styled(string h) => h.Insert(h.IndexOf("<head>", StringComparison.Ordinal) + 6, PageStyle);
var svg = LetterRegister.QrSvg(Url);
var html = Styled(await ComposeAsync(svg));
using var qd = QRCodeGenerator.GenerateQrCode(Url, QRCodeGenerator.ECCLevel.M);
var png = "<img alt=\"\" style=\"width:19mm;height:19mm;flex:none\" src=\"data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(qd).GetGraphic(4)) + "\">";
var pngHtml = Styled(await ComposeAsync(png));
Console.WriteLine($"svg {svg.Length} chars, html {html.Length}");
var floor = "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">" + PageStyle + "</head><body style=\"font-family:'Amiri',serif\"><p>بسم الله الرحمن الرحيم</p></body></html>";
var extraArgs = (Environment.GetEnvironmentVariable("ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
var browserCount = int.Parse(Environment.GetEnvironmentVariable("BROWSERS") ?? "1", CultureInfo.InvariantCulture);
var browsers = new List<IBrowser>();
for (var b = 0; b < browserCount; b++)
{
    browsers.Add(await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. extraArgs] }));
}
var roots = browsers.Select(b => b.Process!.Id).ToHashSet();
long Ticks() { // CPU ticks of chromium tree + self
    long sum = 0;
    foreach (var d in Directory.GetDirectories("/proc")) {
        if (!int.TryParse(Path.GetFileName(d), out var pid)) continue;
        try { var s = File.ReadAllText(d + "/stat"); var rest = s[(s.LastIndexOf(')') + 2)..].Split(' ');
            var ppid = int.Parse(rest[1], CultureInfo.InvariantCulture); var self = pid == Environment.ProcessId;
            if (self || roots.Contains(pid) || roots.Contains(ppid) || IsDesc(pid)) sum += long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture); } catch { }
    }
    return sum;
}
bool IsDesc(int pid) { for (var i = 0; i < 6; i++) { try { var s = File.ReadAllText($"/proc/{pid}/stat"); pid = int.Parse(s[(s.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture); if (roots.Contains(pid)) return true; if (pid <= 1) return false; } catch { return false; } } return false; }
var app = new PdfOptions { Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true, WaitForFonts = true };
var untagged = new PdfOptions { Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true, WaitForFonts = true, Tagged = false };
var rows = new (string Label, string Html, PdfOptions O)[] {
    ("floor one line", floor, app),
    ("app as is", html, app),
    ("app as is again", html, app),
    ("untagged", html, untagged),
    ("QR as PNG", pngHtml, app),
    ("no bold", html.Replace("font-weight: bold", "font-weight: normal").Replace("<strong>", "<span>").Replace("</strong>", "</span>"), app),
    ("Noto Naskh", html.Replace("'Amiri', 'Noto Naskh Arabic'", "'Noto Naskh Arabic'"), app),
    ("PNG+untagged+Naskh", pngHtml.Replace("'Amiri', 'Noto Naskh Arabic'", "'Noto Naskh Arabic'"), untagged),
    ("app as is 3", html, app),
};
var par = int.Parse(Environment.GetEnvironmentVariable("PAR") ?? "1", CultureInfo.InvariantCulture);
var pages = new List<IPage>();
for (var i = 0; i < par; i++) { var p = await browsers[i % browserCount].NewPageAsync(); await p.SetRequestInterceptionAsync(true); p.Request += (_, e) => _ = e.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? e.Request.ContinueAsync() : e.Request.AbortAsync(); pages.Add(p); }
var tick = 1000.0 / 100; // ms per tick (USER_HZ=100)
var only = Environment.GetEnvironmentVariable("ROWS");
foreach (var r in rows.Where(r => only is null || System.Text.RegularExpressions.Regex.IsMatch(r.Label, only))) {
    async Task One(IPage p) { await p.SetContentAsync(r.Html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] }); await p.PdfDataAsync(r.O); }
    for (var i = 0; i < 4; i++) await Task.WhenAll(pages.Select(One));
    var walls = new List<double>(); var t0 = Ticks(); var sw = Stopwatch.StartNew();
    for (var i = 0; i < renders; i++) { var s = Stopwatch.GetTimestamp(); await Task.WhenAll(pages.Select(One)); walls.Add(Stopwatch.GetElapsedTime(s).TotalMilliseconds); }
    var total = sw.Elapsed.TotalSeconds; var cpu = (Ticks() - t0) * tick / (renders * par);
    walls.Sort(); var bytes = (await pages[0].PdfDataAsync(r.O)).Length;
    Console.WriteLine(FormattableString.Invariant($"{r.Label,-22} wall median {walls[renders / 2],5:F0} p95 {walls[(int)Math.Ceiling(0.95 * renders) - 1],5:F0} ms  {renders * par / total,5:F1}/s  CPU {cpu,5:F0} ms/letter  pdf {bytes / 1024} KB  load {Load()}"));
}
foreach (var b in browsers) { await b.CloseAsync(); }
