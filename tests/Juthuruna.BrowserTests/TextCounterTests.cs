using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

public sealed class TextCounterTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task PortalComplaint_pasted_over_the_limit_is_counted_kept_whole_and_refused_with_the_limit() =>
        InBrowserAsync("complaint-counter", async page =>
        {
            await page.GotoAsync("/t/juthuruna/feedback");
            var text = page.Locator("textarea[name='Input.Text']");
            var counter = page.GetByTestId("text-counter");
            await Expect(counter).ToHaveTextAsync("0 / 4000");

            // A paste longer than the limit is neither cut silently nor sent unnoticed: the count says so.
            await text.FillAsync(new string('ش', 4100));
            await Expect(counter).ToHaveTextAsync("4100 / 4000");
            await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));
            Assert.Equal(4100, await text.EvaluateAsync<int>("a => a.value.length"));

            await page.GetByTestId("portal-feedback-form").Locator("button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("error-Text")).ToHaveTextAsync("النص أطول من المسموح. الحد الأقصى لعدد الأحرف: 4000.");
            Assert.Equal(4100, await page.Locator("textarea[name='Input.Text']").EvaluateAsync<int>("a => a.value.length"));
        });
}
