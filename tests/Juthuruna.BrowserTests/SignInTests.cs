using Juthuruna.Identity;
using Juthuruna.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

public sealed class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string JuthurunaNameAr = "جمعية جذورنا الثقافية";

    /// <summary>Every role of جمعية جذورنا, plus the platform operator: (role, e-mail, name shown, association shown).</summary>
    public static TheoryData<string, string, string, string> DemoUsers()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (role, localPart, nameAr) in DemoData.StaffByRole)
        {
            data.Add(role, $"{localPart}@juthuruna.org.sa", nameAr, JuthurunaNameAr);
        }

        data.Add(StaffRoles.HostAdmin, "host@juthuruna.app", "مشغل المنصة", "منصة جذورنا");
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public Task DemoUser_signs_in_from_home_sees_dashboard_for_their_role(string role, string email, string name, string association) =>
        InBrowserAsync(role, async page =>
        {
            await SignInFromHomeAsync(page, email);

            await Expect(page).ToHaveURLAsync(Fixture.BaseAddress.ToString());
            await ExpectDirectionAsync(page, "ar", "rtl");
            await Expect(page.GetByTestId("role-cards").Locator($"[data-role='{role}']")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("role-cards").Locator("[data-role]")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(name);
            await Expect(page.GetByTestId("association-name")).ToHaveTextAsync(association);

            var nav = page.GetByTestId("main-nav");
            await Expect(nav).ToBeVisibleAsync();
            await Expect(nav.Locator("a[href='/Admin/Users']")).ToHaveCountAsync(role == StaffRoles.TenantAdmin ? 1 : 0);
            await Expect(nav.Locator("a[href='/Host/Tenants']")).ToHaveCountAsync(role == StaffRoles.HostAdmin ? 1 : 0);
            if (role == StaffRoles.TenantAdmin)
            {
                // The administrator's pages sit in one menu that opens on click.
                await Expect(page.GetByTestId("nav-settings")).ToBeHiddenAsync();
                await page.GetByTestId("nav-admin").ClickAsync();
                await Expect(page.GetByTestId("nav-settings")).ToBeVisibleAsync();
            }

            await ScreenshotAsync(page, role);
        });

    [Fact]
    public Task LoginPage_wrong_password_shows_Arabic_error_and_keeps_email() =>
        InBrowserAsync("wrong-password", async page =>
        {
            const string email = "member@albirr.org.sa";
            await page.GotoAsync("/Account/Login");
            await ExpectArabicLoginPageAsync(page);
            await ScreenshotAsync(page, "login-ar");

            await FillLoginAsync(page, email, "not-the-password");
            await SignInButton(page).ClickAsync();

            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("البريد الإلكتروني أو كلمة المرور غير صحيحة");
            await Expect(page.Locator("input[name='Input.Email']")).ToHaveValueAsync(email);
            await Expect(page.Locator("input[name='Input.Password']")).ToHaveValueAsync("");
            await Expect(page.GetByTestId("main-nav")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "login-error-ar");
        });

    [Fact]
    public Task SecondAssociationAdmin_signs_in_sees_own_association_name() =>
        InBrowserAsync("albirr-admin", async page =>
        {
            await SignInFromHomeAsync(page, "admin@albirr.org.sa");

            var association = page.GetByTestId("association-name");
            await Expect(association).ToHaveTextAsync("جمعية البر التجريبية");
            await Expect(page.Locator("body")).Not.ToContainTextAsync("جذورنا الثقافية");
            await Expect(page.GetByTestId("role-cards").Locator($"[data-role='{StaffRoles.TenantAdmin}']")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "albirr-TenantAdmin");
        });
}
