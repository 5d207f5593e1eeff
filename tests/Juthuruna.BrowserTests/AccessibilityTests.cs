using Juthuruna.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 12 (22): every page a person reaches has no WCAG 2.1 AA violation that axe-core can find — the main page of
/// every demo role, the staff pages, and the beneficiaries' portal on a phone. Each test visits all its pages and
/// then reports every violation at once. Read-only: the demo data the other journeys use is left as it was.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Portal = "/t/juthuruna";

    [Fact]
    public Task Main_page_of_every_demo_role_has_no_axe_violations() =>
        InBrowserAsync("a11y-roles", async _ =>
        {
            var failures = new List<string>();
            // One association's logins (the other has the same shape) and the platform operator.
            foreach (var login in DemoData.Logins.Where(l => l.Association != "albirr"))
            {
                await using var context = await Fixture.NewContextAsync();
                var page = await context.NewPageAsync();
                await SignInAsync(page, login.Email);
                await CheckAsync(page, $"the main page of {login.Email}", failures);
            }

            AssertNone(failures);
        });

    [Fact]
    public Task Staff_pages_have_no_axe_violations() =>
        InBrowserAsync("a11y-staff", async page =>
        {
            var failures = new List<string>();
            await page.GotoAsync("/Account/Login");
            await CheckAsync(page, "the sign-in page", failures);

            await SignInAsync(page, "officer@juthuruna.org.sa");
            foreach (var path in OfficerPages)
            {
                await VisitAsync(page, path, failures);
            }

            await OpenFirstAsync(page, "/Beneficiaries", "/Beneficiaries/Details/", "a beneficiary's file", failures);
            await OpenFirstAsync(page, "/Requests", "/Requests/Details/", "a support request", failures);
            await OpenFirstAsync(page, "/Requests?State=DocumentsReview", "/Requests/Details/", "a request in documents review", failures);

            await AsAsync("chair@juthuruna.org.sa", async chair =>
            {
                await VisitAsync(chair, "/Committee", failures);
                await VisitAsync(chair, "/Requests/Window", failures);
                await OpenFirstAsync(chair, "/Committee", "/Committee/Sessions/", "a committee session", failures);
            });

            await AsAsync("manager@juthuruna.org.sa", async manager =>
            {
                await VisitAsync(manager, "/Satisfaction", failures);
                await VisitAsync(manager, "/Reports", failures);
            });
            await AsAsync("board@juthuruna.org.sa", board => VisitAsync(board, "/Reports", failures));

            await AsAsync("admin@juthuruna.org.sa", async admin =>
            {
                foreach (var path in AdminPages)
                {
                    await VisitAsync(admin, path, failures);
                }

                // The other language: other direction, other words, the same rules.
                await admin.GetByTestId("culture-switch").Locator("button").ClickAsync();
                await Expect(admin.Locator("html")).ToHaveAttributeAsync("lang", "en");
                await CheckAsync(admin, "/Admin/Audit in English", failures);
                await admin.GetByTestId("culture-switch").Locator("button").ClickAsync();
                await Expect(admin.Locator("html")).ToHaveAttributeAsync("lang", "ar");
            });

            AssertNone(failures);
        });

    [Fact]
    public Task Portal_pages_have_no_axe_violations_on_a_phone() =>
        InBrowserAsync("a11y-portal", async _ =>
        {
            await using var phone = await Fixture.NewContextAsync(phone: true);
            var page = await phone.NewPageAsync();
            var failures = new List<string>();
            foreach (var path in PortalPages)
            {
                await VisitAsync(page, path, failures);
            }

            await page.GotoAsync(Portal + "/policies");
            await page.Locator($"a[href^='{Portal}/policies/']").First.ClickAsync();
            await CheckAsync(page, "a policy on the portal", failures);

            AssertNone(failures);
        });

    private static readonly string[] OfficerPages =
        ["/Beneficiaries", "/Beneficiaries/Create", "/Requests", "/Contacts", "/Policies", "/Letters", "/Notifications", "/Feedback"];

    private static readonly string[] AdminPages =
        ["/Admin/Users", "/Admin/Committee", "/Admin/Services", "/Admin/DocumentTypes", "/Admin/Settings", "/Admin/Letterhead", "/Admin/Audit", "/Import"];

    public static readonly string[] PortalPages =
        [Portal, Portal + "/track", Portal + "/apply", Portal + "/feedback", Portal + "/feedback/follow", Portal + "/policies"];

    private static async Task VisitAsync(IPage page, string path, List<string> failures)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await CheckAsync(page, path, failures);
    }

    private static async Task CheckAsync(IPage page, string state, List<string> failures)
    {
        var violations = await Axe.RunAsync(page);
        if (violations.Count > 0)
        {
            failures.Add(Axe.Describe(state, page.Url, violations));
        }
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, string.Join("\n", failures));

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await FillLoginAsync(page, email, Password);
        await SignInButton(page).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>Steps in a browser context of their own (own cookies), signed in as the user.</summary>
    private async Task AsAsync(string email, Func<IPage, Task> steps)
    {
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);
        await steps(page);
    }

    private static async Task OpenFirstAsync(IPage page, string list, string linkPrefix, string state, List<string> failures)
    {
        await page.GotoAsync(list);
        await page.Locator($"main a[href^='{linkPrefix}']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(linkPrefix)));
        await CheckAsync(page, state, failures);
    }
}
