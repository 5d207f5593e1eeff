using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>Issue 12 (20): what only a browser shows — pages wider than a phone, fields too narrow for their value, numbers that wrap.</summary>
public sealed class LayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Portal_pages_fit_a_390px_phone_screen() =>
        InBrowserAsync("layout-portal", async _ =>
        {
            await using var phone = await Fixture.NewContextAsync(phone: true);
            var page = await phone.NewPageAsync();
            var tooWide = new List<string>();
            foreach (var path in AccessibilityTests.PortalPages)
            {
                await page.GotoAsync(path);
                await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
                if (width > 390)
                {
                    tooWide.Add($"{path}: {width} px");
                }
            }

            Assert.True(tooWide.Count == 0, "Wider than a 390 px screen:\n" + string.Join("\n", tooWide));
        });

    [Fact]
    public Task Date_fields_show_their_whole_value_and_file_numbers_stay_on_one_line() =>
        InBrowserAsync("layout-fields", async page =>
        {
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");

            await page.GotoAsync("/Beneficiaries/Create");
            await ExpectWholeValueAsync(page.Locator("[data-member-row='0'] input[name$='.BirthDate']"), "2025-11-03");

            await page.GotoAsync("/Requests?State=DocumentsReview");
            await page.Locator("main a[href^='/Requests/Details/']").First.ClickAsync();
            await page.GetByTestId("documents-step").ClickAsync();
            var form = page.GetByTestId("document-form");
            await ExpectWholeValueAsync(form.Locator("input[name='Document.ExpiryDate']").First, "30/10/2026");
            await ExpectWholeValueAsync(form.Locator("input[name='Document.IssueDate']").First, "30/10/2026");

            // On a phone, where the list's columns are narrowest.
            await using var phone = await Fixture.NewContextAsync(phone: true);
            var small = await phone.NewPageAsync();
            await SignInFromHomeAsync(small, "officer@juthuruna.org.sa");
            await small.GotoAsync("/Beneficiaries");
            var numbers = small.Locator("tr[data-file] td:first-child a");
            await Expect(numbers.First).ToBeVisibleAsync();
            foreach (var number in await numbers.AllAsync())
            {
                // One box per line the link is laid out on.
                Assert.Equal(1, await number.EvaluateAsync<int>("a => a.getClientRects().length"));
            }
        });

    private static async Task ExpectWholeValueAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        var widths = await input.EvaluateAsync<int[]>("i => [i.scrollWidth, i.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"«{value}» needs {widths[0]} px in a field {widths[1]} px wide");
    }
}
