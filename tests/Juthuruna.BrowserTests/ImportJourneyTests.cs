using Juthuruna.Common.Saudi;
using Juthuruna.Common.Spreadsheets;
using Juthuruna.Features.Import;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 15's journey in the Arabic UI on the demo association: the administrator downloads the template, uploads a
/// filled workbook with a mistake, reads the report, uploads the corrected one, imports it with the progress bar, and
/// finds the imported household member by identity number.
/// </summary>
public sealed class ImportJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] FileHeaders =
    [
        "نوع الهوية", "رقم الهوية", "الاسم الأول", "اسم الأب", "اسم الجد", "اسم العائلة", "الجنس", "تاريخ الميلاد (هجري أو ميلادي)", "الجنسية",
        "الحالة الاجتماعية", "الجوال", "الحالة الوظيفية", "نوع السكن",
    ];

    private static string[] FileRow(string id, string first) =>
        ["هوية وطنية", id, first, "عبد الله", "سعد", "المطيري", "ذكر", "1402-07-15", "سعودي", "متزوج", "0557654321", "لا يعمل", "سكن مستأجر"];

    /// <summary>A workbook written with the application's own streaming writer (the sheets and headers of the template).</summary>
    private static string Workbook(string path, IEnumerable<string[]> files, IEnumerable<string[]> members)
    {
        using (var stream = File.Create(path))
        using (var writer = new XlsxWriter(stream))
        {
            writer.BeginSheet("ملفات المستفيدين", []);
            writer.WriteRow(FileHeaders);
            foreach (var row in files)
            {
                writer.WriteRow(row);
            }

            writer.BeginSheet("أفراد الأسرة", []);
            writer.WriteRow("رقم هوية صاحب الملف", "اسم الفرد", "صلة القرابة", "رقم الهوية");
            foreach (var row in members)
            {
                writer.WriteRow(row);
            }
        }

        return path;
    }

    [Fact]
    public Task Admin_imports_a_corrected_workbook_and_finds_the_imported_member_by_id() =>
        InBrowserAsync("import-journey", async page =>
        {
            var stamp = (int)(DateTime.UtcNow.Ticks % 1_000_000);
            var holder = NationalId.WithCheckDigit("19" + stamp.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            var second = NationalId.WithCheckDigit("18" + stamp.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            var member = NationalId.WithCheckDigit("17" + stamp.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            var wrong = second[..9] + (char)('0' + ((second[9] - '0' + 1) % 10));
            var folder = Directory.CreateTempSubdirectory("import-journey").FullName;

            await SignInFromHomeAsync(page, "admin@juthuruna.org.sa");
            await page.GetByTestId("nav-admin").ClickAsync();
            await page.GetByTestId("nav-import").ClickAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-download").ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

            // A first workbook with a mistyped identity number: the report says where and why.
            var withMistake = Workbook(Path.Combine(folder, "سجلات-1.xlsx"), [FileRow(holder, "ماجد"), FileRow(wrong, "تركي")], [[holder, "ريم ماجد المطيري", "ابنة", member]]);
            await page.Locator("#workbook").SetInputFilesAsync(withMistake);
            await page.GetByTestId("import-check").ClickAsync();
            await Expect(page.GetByTestId("files-refused")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("import-problems")).ToContainTextAsync("رقم التحقق");
            await ScreenshotAsync(page, "import-1-dry-run-report");
            var refused = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("refused-download").ClickAsync());
            Assert.EndsWith("-refused.xlsx", refused.SuggestedFilename, StringComparison.Ordinal);

            // Corrected: both files pass; imported in the background with the progress bar.
            await page.GotoAsync("/Import");
            var corrected = Workbook(Path.Combine(folder, "سجلات-2.xlsx"), [FileRow(holder, "ماجد"), FileRow(second, "تركي")], [[holder, "ريم ماجد المطيري", "ابنة", member]]);
            await page.Locator("#workbook").SetInputFilesAsync(corrected);
            await page.GetByTestId("import-check").ClickAsync();
            await Expect(page.GetByTestId("files-valid")).ToHaveTextAsync("2");
            await page.GetByTestId("import-go").ClickAsync();
            await Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("import-status")).ToHaveTextAsync("تم الاستيراد", new LocatorAssertionsToHaveTextOptions { Timeout = 300_000 });
            await Expect(page.GetByTestId("import-progress")).ToHaveAttributeAsync("value", "100");
            await ScreenshotAsync(page, "import-2-imported");

            // The member is found by her identity number, with the file she is counted in.
            await page.GotoAsync("/Beneficiaries?q=" + member);
            await Expect(page.Locator("main")).ToContainTextAsync("ماجد");
            await ScreenshotAsync(page, "import-3-member-found");
        });
}
