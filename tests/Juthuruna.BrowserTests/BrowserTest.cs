using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>Shared steps of the journeys, written as a user would do them.</summary>
[Collection(BrowserTestGroup.Name)]
public abstract class BrowserTest(BrowserFixture fixture)
{
    public const string Password = Juthuruna.Seeding.DemoData.Password;

    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>Runs a journey in a fresh browser context; on failure a screenshot is kept beside the others.</summary>
    protected async Task InBrowserAsync(string name, Func<IPage, Task> journey)
    {
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        // Every stylesheet, font, script and image a page asks for must arrive: a 404 font silently
        // falls back to another typeface, which no text assertion would notice.
        var brokenAssets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                brokenAssets.Enqueue($"{response.Status} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is the browser cancelling a load because the page navigated on (e.g. a form post).
            if (request.Failure?.Contains("ERR_ABORTED", StringComparison.Ordinal) != true)
            {
                brokenAssets.Enqueue($"failed {request.Url}: {request.Failure}");
            }
        };

        try
        {
            await journey(page);
            Assert.True(brokenAssets.IsEmpty, "Assets that did not load:\n" + string.Join("\n", brokenAssets.Distinct()));
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixture.ScreenshotPath("failed-" + name), FullPage = true });
            throw;
        }
    }

    protected static ILocator SignInButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "تسجيل الدخول", Exact = true });

    protected static async Task ExpectArabicLoginPageAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await ExpectDirectionAsync(page, "ar", "rtl");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "تسجيل الدخول", Exact = true })).ToBeVisibleAsync();
    }

    protected static async Task ExpectDirectionAsync(IPage page, string lang, string dir)
    {
        var html = page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", lang);
        await Expect(html).ToHaveAttributeAsync("dir", dir);
    }

    protected static async Task FillLoginAsync(IPage page, string email, string password)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
    }

    /// <summary>Opens /, is sent to the login page, signs in and waits for the dashboard.</summary>
    protected static async Task SignInFromHomeAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await ExpectArabicLoginPageAsync(page);
        await FillLoginAsync(page, email, Password);
        await SignInButton(page).ClickAsync();
        await Expect(page.GetByTestId("role-cards")).ToBeVisibleAsync();
    }

    /// <summary>Full-page screenshot once web fonts have loaded, so the picture shows what a person sees.</summary>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixture.ScreenshotPath(name), FullPage = true });
    }
}
