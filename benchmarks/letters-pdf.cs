#!/usr/bin/env -S dotnet run
// A letter from template to PDF, without the web app: the receipt letter (Razor component → HTML with
// HtmlRenderer → PDF in Chromium) on a sample letterhead. Cold first letter, then median/p95 and letters per
// second of warm letters with 1 and 4 concurrent callers (the renderer prints at most Letters:MaxConcurrency = 2
// at once; the others wait for a page). Storing the PDF (one INSERT) is not included.
//   dotnet run -c Release benchmarks/letters-pdf.cs   (Env: RENDERS=60, MAX_CONCURRENCY=2, CHROMIUM=/usr/bin/chromium)
// Needs Chromium and the fonts: apt-get install -y chromium fonts-hosny-amiri fonts-noto-core
#:project ../src/Juthuruna/Juthuruna.csproj
using System.Diagnostics;
using System.Globalization;
using Juthuruna.Features.Letters;
using Juthuruna.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var renders = int.Parse(Environment.GetEnvironmentVariable("RENDERS") ?? "60", CultureInfo.InvariantCulture);
var options = new LetterOptions
{
    ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
    MaxConcurrency = int.Parse(Environment.GetEnvironmentVariable("MAX_CONCURRENCY") ?? "2", CultureInfo.InvariantCulture),
};

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
    var html = await scope.ServiceProvider.GetRequiredService<LetterComposer>().ComposeAsync(
        new LetterEnvelope(head, LetterKind.Receipt, FormattableString.Invariant($"JTH/1448/{n:0000}"), new DateOnly(2026, 11, 26), draft.RecipientName, draft.Title,
            "http://localhost:5080/verify/q7mTGwL4gtWYtf-RyzNNMg", LetterRegister.QrSvg("http://localhost:5080/verify/q7mTGwL4gtWYtf-RyzNNMg"), null, false, arabic),
        draft);
    return html;
}

async Task<byte[]> LetterAsync(PdfRenderer renderer, int n) => await renderer.RenderAsync(await ComposeAsync(n), "ar", CancellationToken.None);

await using var renderer = new PdfRenderer(Options.Create(options), NullLogger<PdfRenderer>.Instance);
var cold = Stopwatch.StartNew();
var bytes = await LetterAsync(renderer, 1);
Console.WriteLine(FormattableString.Invariant($"cold first letter (launch Chromium + page + compose + print): {cold.ElapsedMilliseconds} ms, {bytes.Length} bytes"));

// The template alone (Razor component → HTML, QR code): the part of a letter that is not Chromium.
var composeTimes = new List<double>();
for (var i = 0; i < renders; i++)
{
    var one = Stopwatch.StartNew();
    await ComposeAsync(i);
    composeTimes.Add(one.Elapsed.TotalMilliseconds);
}

composeTimes.Sort();
Console.WriteLine(FormattableString.Invariant($"compose only (template → HTML), {renders} letters: median {composeTimes[composeTimes.Count / 2]:F1} ms"));

foreach (var callers in new[] { 1, 4 })
{
    // Warm-up: every page of the pool exists and the templates are compiled before timing.
    await Task.WhenAll(Enumerable.Range(0, callers).Select(i => LetterAsync(renderer, i)));
    var times = new List<double>();
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
    {
        for (var i = caller; i < renders; i += callers)
        {
            var one = Stopwatch.StartNew();
            await LetterAsync(renderer, i);
            lock (times)
            {
                times.Add(one.Elapsed.TotalMilliseconds);
            }
        }
    }));
    var seconds = wall.Elapsed.TotalSeconds;
    times.Sort();
    double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant(
        $"{callers} concurrent caller(s), {times.Count} warm letters: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {times[^1]:F0} ms, {times.Count / seconds:F1} letters/s"));
}
