using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 6's first acceptance in the Arabic UI on the demo association: the administrator edits the support policy
/// guide, records the board's approval, and the relations officer reads the new version from a request's page —
/// with the script typed into the Markdown shown as nothing more than text.
/// </summary>
public sealed class PoliciesJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Admin_approves_a_new_support_policy_version_that_the_officer_reads_from_a_request() =>
        InBrowserAsync("policies-journey", async page =>
        {
            var alerts = 0;
            page.Dialog += async (_, dialog) => { alerts++; await dialog.DismissAsync(); };

            await SignInFromHomeAsync(page, "admin@juthuruna.org.sa");
            await page.GetByTestId("nav-tools").ClickAsync();
            await page.GetByTestId("nav-policies").ClickAsync();
            await Expect(page.GetByTestId("policies-table")).ToContainTextAsync("دليل سياسة الدعم");
            await ScreenshotAsync(page, "policies-1-list");
            await page.GetByTestId("policy-row").Filter(new LocatorFilterOptions { HasText = "دليل سياسة الدعم" }).GetByRole(AriaRole.Link).First.ClickAsync();
            var before = (await page.GetByTestId("shown-version").TextContentAsync())!.Trim();

            await page.GetByTestId("edit-policy").ClickAsync();
            await page.GetByTestId("start-draft-form").GetByRole(AriaRole.Button).ClickAsync();
            var text = page.GetByTestId("draft-form").Locator("textarea");
            await text.FillAsync(await text.InputValueAsync() + "\n\n## المراجعة الدورية\n\nتُراجع هذه السياسة كل سنة. <script>alert('x')</script>\n");
            await page.GetByTestId("draft-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByTestId("draft-preview")).ToContainTextAsync("تُراجع هذه السياسة كل سنة.");
            await page.Locator("input[name='Approval.BoardSession']").FillAsync("٧");
            await page.Locator("select[name='Approval.Calendar']").SelectOptionAsync("Gregorian");
            await page.Locator("input[name='Approval.ApprovedOn']").FillAsync("01/11/2026");
            await ScreenshotAsync(page, "policies-2-draft");
            await page.GetByTestId("approve-form").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("shown-version")).Not.ToHaveTextAsync(before);
            // The history opens the new version with what changed since the one it replaces.
            await page.GetByTestId("history-item").First.GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByTestId("diff-ins").Filter(new LocatorFilterOptions { HasText = "المراجعة الدورية" })).ToBeVisibleAsync();
            await ScreenshotAsync(page, "policies-3-approved-diff");

            // The officer, on a request's page, opens the guide from the policies card: the new version.
            await page.Context.ClearCookiesAsync();
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");
            await page.GotoAsync("/Requests");
            await page.GetByTestId("queue").Locator("tbody tr a").First.ClickAsync();
            await page.GetByTestId("policies-card").GetByTestId("policy-link").Filter(new LocatorFilterOptions { HasText = "دليل سياسة الدعم" }).ClickAsync();
            await Expect(page.GetByTestId("policy-text")).ToContainTextAsync("تُراجع هذه السياسة كل سنة.");
            await Expect(page.GetByTestId("policy-text").Locator("script")).ToHaveCountAsync(0);
            Assert.Equal(0, alerts);
            await ScreenshotAsync(page, "policies-4-officer-reads");
        });
}
