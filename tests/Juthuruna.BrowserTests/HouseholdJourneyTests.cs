using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>A household of eight in the Arabic UI (issue 12, item 1): rows are added by the script, Save saves.</summary>
public sealed class HouseholdJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Members = ["سارة", "خالد", "نورة", "فهد", "ريم", "عبد الله", "لمى", "سعد"];

    [Fact]
    public Task Officer_adds_household_rows_without_a_round_trip_and_saves_eight_members_at_once() =>
        InBrowserAsync("household-rows", async page =>
        {
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");
            await page.GotoAsync("/Beneficiaries/Create");

            // Any post for more rows would be the no-script fallback: with the script there must be none.
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

            await ScreenshotAsync(page, "household-1-eight-rows");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ الملف" }).ClickAsync();

            await Expect(page.GetByTestId("beneficiary-name")).ToHaveTextAsync("مشعل عبد الرحمن صالح آل مهنا");
            await Expect(page.GetByTestId("household-size")).ToHaveTextAsync("9");
            Assert.Equal(0, roundTrips);
        });

    /// <summary>A valid national ID (first digit 1, Luhn check digit) from eight digits.</summary>
    private static string NationalId(int n)
    {
        var body = "1" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = body[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d / 10 + d % 10;
            }

            sum += d;
        }

        return body + ((10 - sum % 10) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
