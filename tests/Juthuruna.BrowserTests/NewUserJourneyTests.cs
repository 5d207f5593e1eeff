using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 12's acceptance, as a new officer would meet the app on the demo: a walk-in registered with a household of
/// eight (rows added by the script, saved and then edited in one go), found by a compound name spelled both ways, and
/// a document check that refuses a too-large, an empty and a disguised copy, each with its message and nothing
/// recorded. axe-core runs on every page the journey passes.
/// </summary>
public sealed class NewUserJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Members = ["سارة", "خالد", "نورة", "فهد", "ريم", "عبد الله", "لمى", "عبدالرحمن مشعل"];

    [Fact]
    public Task Officer_registers_a_household_of_eight_finds_compound_names_both_ways_and_bad_copies_are_refused() =>
        InBrowserAsync("new-user-journey", async page =>
        {
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");
            await Axe.AssertNoViolationsAsync(page, "dashboard");

            // 1. A walk-in with a household of eight: rows come from the script, never from a round trip.
            await page.GotoAsync("/Beneficiaries/Create");
            await Axe.AssertNoViolationsAsync(page, "new file");
            var roundTrips = 0;
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("handler=MoreRows", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref roundTrips);
                }
            };
            await page.Locator("[name='Input.IdentityNumber']").FillAsync(NationalId(Random.Shared.Next(20_000_000, 99_999_999)));
            await page.Locator("[name='Input.FirstName']").FillAsync("مشعل");
            await page.Locator("[name='Input.FatherName']").FillAsync("عبد الرحمن");
            await page.Locator("[name='Input.GrandfatherName']").FillAsync("صالح");
            await page.Locator("[name='Input.FamilyName']").FillAsync("آل مهنا");
            await page.Locator("[name='Input.Gender']").SelectOptionAsync("Male");
            await page.Locator("[name='Input.MaritalStatus']").SelectOptionAsync("Married");
            await page.Locator("[name='Input.EmploymentStatus']").SelectOptionAsync("Employed");
            await page.Locator("[name='Input.HousingType']").SelectOptionAsync("Rented");
            await page.Locator("[name='Input.BirthDate']").FillAsync("1979-11-23");
            await page.Locator("[name='Input.Mobile']").FillAsync("0554441199");

            var rows = page.Locator("[data-member-rows] [data-member-row]");
            await Expect(rows).ToHaveCountAsync(2);
            for (var i = 0; i < Members.Length; i++)
            {
                if (i >= await rows.CountAsync())
                {
                    await page.GetByTestId("more-rows").ClickAsync();
                    await Expect(rows).ToHaveCountAsync(i + 1);
                    // The new row has the focus, ready to type the name.
                    await Expect(page.Locator($"[name='Input.Members[{i}].Name']")).ToBeFocusedAsync();
                }

                await page.Locator($"[name='Input.Members[{i}].Name']").FillAsync(Members[i]);
                await page.Locator($"[name='Input.Members[{i}].Relation']").SelectOptionAsync(i % 2 == 0 ? "Daughter" : "Son");
            }

            await Axe.AssertNoViolationsAsync(page, "new file with eight household rows");
            await ScreenshotAsync(page, "household-1-eight-rows");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ الملف" }).ClickAsync();

            await Expect(page.GetByTestId("beneficiary-name")).ToHaveTextAsync("مشعل عبد الرحمن صالح آل مهنا");
            await Expect(page.GetByTestId("household-size")).ToHaveTextAsync("9");
            Assert.Equal(0, roundTrips);
            await Axe.AssertNoViolationsAsync(page, "the new file");
            var fileUrl = page.Url;

            // 2. The same eight edited in one go: Save saves, whatever rows were added before.
            await page.GetByTestId("edit-link").ClickAsync();
            await Axe.AssertNoViolationsAsync(page, "edit file");
            // The eight members and two blank rows; three more rows, and a new member in the last.
            await Expect(page.Locator("[data-member-rows] [data-member-row]")).ToHaveCountAsync(Members.Length + 2);
            for (var i = 0; i < 3; i++)
            {
                await page.GetByTestId("more-rows").ClickAsync();
            }

            await Expect(page.Locator("[data-member-rows] [data-member-row]")).ToHaveCountAsync(Members.Length + 5);
            var salma = page.Locator("[data-member-rows] [data-member-row]").Last.Locator("input[name$='.Name']");
            await salma.FillAsync("سلمى");
            await page.Locator("[data-member-rows] [data-member-row]").Last.Locator("select[name$='.Relation']").SelectOptionAsync("Daughter");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ التعديلات" }).ClickAsync();
            await Expect(page.GetByTestId("household-size")).ToHaveTextAsync("10");
            Assert.Equal(0, roundTrips);

            // 3. Compound names match however they are spaced, and household members are found with their file.
            await page.GotoAsync("/Beneficiaries?q=" + Uri.EscapeDataString("مشعل عبدالرحمن"));
            await Expect(page.GetByTestId("results")).ToContainTextAsync("مشعل عبد الرحمن صالح آل مهنا");
            await Axe.AssertNoViolationsAsync(page, "search, joined spelling");
            await page.GotoAsync("/Beneficiaries?q=" + Uri.EscapeDataString("عبد الرحمن مشعل"));
            await Expect(page.GetByTestId("member-results")).ToContainTextAsync("عبدالرحمن مشعل");
            await Expect(page.GetByTestId("member-results")).ToContainTextAsync("مشعل عبد الرحمن صالح آل مهنا");
            await Expect(page.GetByTestId("results")).ToContainTextAsync("مشعل عبد الرحمن صالح آل مهنا");
            await Axe.AssertNoViolationsAsync(page, "search, spaced spelling");
            await ScreenshotAsync(page, "household-2-search-compound-names");

            // 4. A request from the file, in document review.
            await page.GotoAsync(fileUrl);
            await page.GetByTestId("new-request-link").ClickAsync();
            await Axe.AssertNoViolationsAsync(page, "new request");
            await page.Locator("[name='Input.ServiceId']").SelectOptionAsync(new SelectOptionValue { Label = "سلة غذائية" });
            await page.Locator("[name='Input.Description']").FillAsync("أسرة من عشرة أفراد تحتاج سلة غذائية شهرية");
            await page.GetByRole(AriaRole.Button, new() { Name = "فتح الطلب" }).ClickAsync();
            await page.Locator("button[data-trigger='Submit']").ClickAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("مراجعة المستندات");
            await Axe.AssertNoViolationsAsync(page, "request in document review");
            await page.GetByTestId("documents-step").ClickAsync();
            await Axe.AssertNoViolationsAsync(page, "the documents step");

            // 5. Three bad copies of the ID, the rest of the check filled in: each copy refused with its message, and
            //    the check is not recorded.
            ILocator IdDocument() => page.GetByTestId("document").Filter(new() { HasText = "الهوية الوطنية" });
            await IdDocument().Locator("[name='Document.ExpiryDate']").FillAsync("01/01/1452");
            await IdDocument().Locator("[name='Document.SeenInOriginal']").CheckAsync();
            var copy = IdDocument().Locator("input[type=file][name='Document.Upload']");

            // Too large: refused where it is chosen, and the form is not sent.
            var big = new byte[11 * 1024 * 1024];
            "%PDF-1.4\n"u8.CopyTo(big);
            await copy.SetInputFilesAsync(new FilePayload { Name = "هوية.pdf", MimeType = "application/pdf", Buffer = big });
            Assert.Contains("حجم الملف أكبر من المسموح", await copy.EvaluateAsync<string>("e => e.validationMessage"), StringComparison.Ordinal);
            await IdDocument().GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            await Expect(IdDocument().GetByTestId("document-status")).ToHaveTextAsync("لم تتم المطابقة");

            // Empty.
            await copy.SetInputFilesAsync(new FilePayload { Name = "هوية.pdf", MimeType = "application/pdf", Buffer = [] });
            await IdDocument().GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            await Expect(IdDocument()).ToContainTextAsync("الملف المختار فارغ");
            await Expect(IdDocument().GetByTestId("document-status")).ToHaveTextAsync("لم تتم المطابقة");
            // The typed check is kept for the next try.
            await Expect(IdDocument().Locator("[name='Document.ExpiryDate']")).ToHaveValueAsync("01/01/1452");
            await Axe.AssertNoViolationsAsync(page, "document check refused: empty copy");

            // A program dressed as a PDF.
            copy = IdDocument().Locator("input[type=file][name='Document.Upload']");
            await copy.SetInputFilesAsync(new FilePayload { Name = "هوية.pdf", MimeType = "application/pdf", Buffer = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0] });
            await IdDocument().GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            await Expect(IdDocument()).ToContainTextAsync("محتوى الملف ليس مستند PDF");
            await Expect(IdDocument().GetByTestId("document-status")).ToHaveTextAsync("لم تتم المطابقة");
            await Expect(IdDocument().GetByTestId("document-file")).ToHaveCountAsync(0);
            await Axe.AssertNoViolationsAsync(page, "document check refused: disguised copy");
            await ScreenshotAsync(page, "household-3-disguised-copy-refused");
        });

    /// <summary>A valid national ID (first digit 1, Luhn check digit) from eight digits.</summary>
    private static string NationalId(int n) =>
        Juthuruna.Common.Saudi.NationalId.WithCheckDigit("1" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
}
