using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>The manager opens the board's report from the dashboard card, picks a Hijri month and downloads the .xlsx (issue 16, item 2).</summary>
public sealed class ReportsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Manager_opens_the_board_report_from_the_dashboard_filters_a_Hijri_month_and_exports_it() =>
        InBrowserAsync("board-report", async page =>
        {
            await SignInFromHomeAsync(page, "manager@juthuruna.org.sa");
            await page.GetByTestId("reports-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Reports"));
            await ExpectDirectionAsync(page, "ar", "rtl");
            await Expect(page.GetByTestId("table-summary")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("chart-received-channel")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "reports-ar");

            await page.GetByTestId("filter-period").SelectOptionAsync("HijriMonth");
            await page.GetByTestId("filter-month").SelectOptionAsync("6");
            await page.GetByTestId("filter-submit").ClickAsync();
            await Expect(page.GetByTestId("table-received-month").Locator("tbody tr")).ToHaveCountAsync(1);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-export").ClickAsync());
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        });
}
