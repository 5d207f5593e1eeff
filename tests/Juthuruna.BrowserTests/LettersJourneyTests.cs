using Juthuruna.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 5's acceptance in the Arabic UI on the demo association: letters issued from the request and session
/// pages, downloaded and read back, found in the register, and verified by anyone holding the paper.
/// </summary>
public sealed class LettersJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Officer_issues_a_receipt_letter_that_anyone_can_verify() =>
        InBrowserAsync("letters-journey", async page =>
        {
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");

            // The verified request of the demo: its receipt letter, in Arabic.
            await page.GotoAsync("/Requests?State=Verified");
            await page.GetByTestId("queue").Locator("tbody tr a").First.ClickAsync();
            var requestNumber = (await page.GetByTestId("request-number").TextContentAsync())!.Trim();
            await page.GetByTestId("letter-kind").SelectOptionAsync(new SelectOptionValue { Label = "إشعار استلام طلب" });
            await page.GetByTestId("letter-language").SelectOptionAsync("ar");
            await page.GetByTestId("issue-letter").ClickAsync();
            await Expect(page.Locator(".alert-success")).ToHaveTextAsync("صدر الخطاب.");
            var number = (await page.GetByTestId("letter-number").TextContentAsync())!.Trim();
            Assert.Matches(@"^JTH/14\d\d/\d{4}$", number);
            await ScreenshotAsync(page, "letters-1-issued");

            // The PDF as the beneficiary will hold it.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("letter-download").ClickAsync());
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            var text = await PdfText.ExtractAsync(pdf, layout: true);
            PdfText.AssertInOrder(text, "جمعية جذورنا الثقافية", "الرقم", number, "التاريخ", "هـ", "الموافق", "م");
            PdfText.AssertInOrder(text, "الموضوع", "استلام طلب الدعم", "طلبكم رقم", requestNumber, "موعد أقصاه", "هـ", "الموافق");

            // The register lists it.
            await page.GotoAsync("/Letters");
            await Expect(page.GetByTestId("register-number").First).ToHaveTextAsync(number);
            await ScreenshotAsync(page, "letters-2-register");

            // Anyone with the paper opens the QR code's address: genuine, initials only.
            await page.GetByTestId("register-number").First.ClickAsync();
            var verifyLink = await page.GetByTestId("letter-verify").GetAttributeAsync("href");
            await using var stranger = await Fixture.NewContextAsync();
            var public_ = await stranger.NewPageAsync();
            await public_.GotoAsync(verifyLink!);
            await Expect(public_.GetByTestId("verify-genuine")).ToBeVisibleAsync();
            await Expect(public_.GetByTestId("verify-number")).ToHaveTextAsync(number);
            await Expect(public_.GetByTestId("verify-association")).ToHaveTextAsync("جمعية جذورنا الثقافية");
            await ScreenshotAsync(public_, "letters-3-verify");
        });

    [Fact]
    public Task Secretary_issues_the_minutes_of_the_closed_session_and_the_admin_previews_the_letterhead() =>
        InBrowserAsync("letters-minutes", async page =>
        {
            await SignInFromHomeAsync(page, "secretary@juthuruna.org.sa");
            await page.GotoAsync("/Committee");
            await page.GetByTestId("session").Filter(new() { HasText = "مغلق" }).First.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByTestId("letter-kind").SelectOptionAsync(new SelectOptionValue { Label = "محضر اجتماع اللجنة" });
            await page.GetByTestId("issue-letter").ClickAsync();
            await Expect(page.Locator(".alert-success")).ToHaveTextAsync("صدر الخطاب.");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("letter-download").ClickAsync());
            var text = await PdfText.ExtractAsync(await File.ReadAllBytesAsync((await download.PathAsync())!), layout: true);
            PdfText.AssertInOrder(text, "محضر اجتماع لجنة البحث الاجتماعي", "الحضور", "البنود المعروضة وقرارات اللجنة", "توقيعات الأعضاء الحاضرين");

            // The administrator's letterhead page, with the logo and every letter to preview.
            await using var adminContext = await Fixture.NewContextAsync();
            var admin = await adminContext.NewPageAsync();
            await SignInFromHomeAsync(admin, "admin@juthuruna.org.sa");
            await admin.GotoAsync("/Admin/Letterhead");
            await Expect(admin.GetByTestId("logo")).ToBeVisibleAsync();
            await Expect(admin.GetByTestId("previews").Locator("[data-testid=preview-ar]")).ToHaveCountAsync(7);
            await ScreenshotAsync(admin, "letters-4-letterhead");
        });
}
