#!/usr/bin/env -S dotnet run
// PdfRenderer on its own (no web app): cold first letter, then median/p95 of warm letters with 1 and 2 callers.
//   dotnet run benchmarks/letters-pdf.cs            (Env: RENDERS=50, CHROMIUM=/usr/bin/chromium)
// Needs Chromium and the fonts: apt-get install -y chromium fonts-hosny-amiri fonts-noto-core
#:project ../src/Juthuruna/Juthuruna.csproj
using System.Diagnostics;
using System.Globalization;
using Juthuruna.Letters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var renders = int.Parse(Environment.GetEnvironmentVariable("RENDERS") ?? "50", CultureInfo.InvariantCulture);
var options = new LetterOptions { ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium", MaxConcurrency = 2 };
const string Html = """
    <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
    <style>body { font-family: 'Amiri', 'Noto Naskh Arabic', serif; font-size: 14pt; } h1 { font-size: 18pt; }</style></head>
    <body><h1>جمعية البر الخيرية</h1>
    <p>الرقم: <bdi dir="ltr">JTH-1447-000123</bdi> — التاريخ: ١٤٤٧/٠٩/٠١ هـ الموافق 18/02/2026 م</p>
    <p>المكرم/ صاحب الطلب، السلام عليكم ورحمة الله وبركاته، وبعد:</p>
    <p>نشكر لكم تواصلكم مع الجمعية ونفيدكم باستلام طلبكم، وسيُبت فيه خلال المدة المحددة في سياسة الجمعية. للاستفسار: <bdi dir="ltr">0556766873</bdi></p>
    <p>والله ولي التوفيق،</p><p>المدير التنفيذي</p></body></html>
    """;

await using var renderer = new PdfRenderer(Options.Create(options), NullLogger<PdfRenderer>.Instance);
var cold = Stopwatch.StartNew();
var bytes = await renderer.RenderAsync(Html, CancellationToken.None);
Console.WriteLine(FormattableString.Invariant($"cold first letter (launch + page + print): {cold.ElapsedMilliseconds} ms, {bytes.Length} bytes"));

foreach (var callers in new[] { 1, 2 })
{
    await renderer.RenderAsync(Html, CancellationToken.None); // both pages exist before timing
    await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => renderer.RenderAsync(Html, CancellationToken.None)));
    var times = new List<double>();
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
    {
        for (var i = caller; i < renders; i += callers)
        {
            var one = Stopwatch.StartNew();
            await renderer.RenderAsync(Html, CancellationToken.None);
            lock (times)
            {
                times.Add(one.Elapsed.TotalMilliseconds);
            }
        }
    }));
    times.Sort();
    double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine(FormattableString.Invariant(
        $"{callers} caller(s), {times.Count} warm letters: median {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {times[^1]:F0} ms, {times.Count / wall.Elapsed.TotalSeconds:F1} letters/s"));
}
