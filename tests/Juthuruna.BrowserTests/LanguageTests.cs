using Juthuruna.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

public sealed class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task LanguageSwitch_to_English_and_back_is_remembered_across_page_loads() =>
        InBrowserAsync("language-switch", async page =>
        {
            await SignInFromHomeAsync(page, "manager@juthuruna.org.sa");

            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English", Exact = true }).ClickAsync();
            await ExpectDirectionAsync(page, "en", "ltr");
            await Expect(page.GetByTestId("association-name")).ToHaveTextAsync("Juthuruna Cultural Association");
            await Expect(page.GetByTestId("main-nav")).ToContainTextAsync("Dashboard");
            await Expect(page.GetByTestId("role-cards").Locator($"[data-role='{StaffRoles.Manager}']")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "Manager-en");

            // A fresh load of the page, not the redirect that followed the switch: the cookie carries the choice.
            await page.GotoAsync("/");
            await ExpectDirectionAsync(page, "en", "ltr");
            await Expect(page.GetByTestId("association-name")).ToHaveTextAsync("Juthuruna Cultural Association");

            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "العربية", Exact = true }).ClickAsync();
            await ExpectDirectionAsync(page, "ar", "rtl");
            await Expect(page.GetByTestId("association-name")).ToHaveTextAsync("جمعية جذورنا الثقافية");

            await page.ReloadAsync();
            await ExpectDirectionAsync(page, "ar", "rtl");
            await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English", Exact = true })).ToBeVisibleAsync();
        });

    [Fact]
    public Task LoginPage_switched_to_English_shows_English_login_and_stays_English() =>
        InBrowserAsync("login-english", async page =>
        {
            await page.GotoAsync("/");
            await ExpectArabicLoginPageAsync(page);

            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English", Exact = true }).ClickAsync();
            await ExpectDirectionAsync(page, "en", "ltr");
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
            await ExpectDirectionAsync(page, "en", "ltr");
            await ScreenshotAsync(page, "login-en");
        });
}
