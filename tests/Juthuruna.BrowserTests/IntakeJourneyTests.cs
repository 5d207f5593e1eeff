using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// The front desk's day in the Arabic UI (issue 3's acceptance): an unknown caller's inquiry, a new file
/// stopped by a wrong check digit, a request whose expired ID sends it back for completion, the
/// declaration, and the committee's due date in both calendars.
/// </summary>
public sealed class IntakeJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public Task Officer_receives_a_caller_opens_a_file_and_takes_a_request_to_verified() =>
        InBrowserAsync("intake-journey", async page =>
        {
            await SignInFromHomeAsync(page, "officer@juthuruna.org.sa");

            // 1. A phone inquiry from someone the association does not know yet.
            await page.GotoAsync("/Contacts/Create");
            await page.Locator("[name='Input.Channel']").SelectOptionAsync("Phone");
            await page.Locator("[name='Input.Type']").SelectOptionAsync("Inquiry");
            await page.Locator("[name='Input.CallerName']").FillAsync("سلمان فهد الحارثي");
            await page.Locator("[name='Input.CallerMobile']").FillAsync("٠٥٥٤٤٤٣٣٢٢");
            await page.Locator("[name='Input.Summary']").FillAsync("يسأل عن شروط الحصول على سلة غذائية");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ التواصل" }).ClickAsync();
            await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();

            // 2. His file: a wrong check digit is refused in Arabic and nothing typed is lost.
            await page.GotoAsync("/Beneficiaries/Create");
            await page.Locator("[name='Input.IdentityNumber']").FillAsync("1000000009");
            await page.Locator("[name='Input.FirstName']").FillAsync("سلمان");
            await page.Locator("[name='Input.FatherName']").FillAsync("فهد");
            await page.Locator("[name='Input.GrandfatherName']").FillAsync("ناصر");
            await page.Locator("[name='Input.FamilyName']").FillAsync("الحارثي");
            await page.Locator("[name='Input.Gender']").SelectOptionAsync("Male");
            await page.Locator("[name='Input.MaritalStatus']").SelectOptionAsync("Married");
            await page.Locator("[name='Input.EmploymentStatus']").SelectOptionAsync("Employed");
            await page.Locator("[name='Input.HousingType']").SelectOptionAsync("Rented");
            await page.Locator("[name='Input.BirthDate']").FillAsync("1980-05-14");
            await page.Locator("[name='Input.Mobile']").FillAsync("0554443322");
            await page.Locator("[name='Input.Members[0].Name']").FillAsync("نورة سلمان الحارثي");
            await page.Locator("[name='Input.Members[0].Relation']").SelectOptionAsync("Daughter");
            await page.Locator("[name='Input.Members[0].BirthDate']").FillAsync("2012-09-01");
            await page.Locator("[name='Input.Incomes[0].Amount']").FillAsync("3000");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ الملف" }).ClickAsync();
            await Expect(page.Locator("[data-valmsg-for='Input.IdentityNumber']")).ToContainTextAsync("رقم التحقق");
            await Expect(page.Locator("[name='Input.FirstName']")).ToHaveValueAsync("سلمان");
            await ScreenshotAsync(page, "intake-1-wrong-check-digit");
            await page.Locator("[name='Input.IdentityNumber']").FillAsync("1000000008");
            await page.GetByRole(AriaRole.Button, new() { Name = "حفظ الملف" }).ClickAsync();
            await Expect(page.GetByTestId("beneficiary-name")).ToHaveTextAsync("سلمان فهد ناصر الحارثي");

            // 3. A food-basket request from his file.
            await page.GetByTestId("new-request-link").ClickAsync();
            await page.Locator("[name='Input.ServiceId']").SelectOptionAsync(new SelectOptionValue { Label = "سلة غذائية" });
            await page.Locator("[name='Input.Description']").FillAsync("أسرة من أربعة أفراد تحتاج سلة غذائية شهرية");
            await page.GetByRole(AriaRole.Button, new() { Name = "فتح الطلب" }).ClickAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("مسودة");
            await page.Locator("button[data-trigger='Submit']").ClickAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("مراجعة المستندات");

            // 4. The ID expired before the submission date: expired whatever is marked, and back it goes.
            await page.GetByTestId("documents-step").ClickAsync();
            var id = page.GetByTestId("document").Filter(new() { HasText = "الهوية الوطنية" });
            await id.Locator("[name='Document.ExpiryDate']").FillAsync("01/01/1440");
            await id.GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            await Expect(page.GetByTestId("document").Filter(new() { HasText = "الهوية الوطنية" }).GetByTestId("document-status")).ToHaveTextAsync("منتهي في تاريخ التقديم");
            await page.GetByTestId("back-to-request").ClickAsync();
            await page.Locator("#Action_Note").FillAsync("الهوية منتهية؛ يرجى إحضار هوية سارية");
            await page.Locator("button[data-trigger='ReturnForCompletion']").ClickAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("معاد للاستكمال");
            await page.Locator("button[data-trigger='Resubmit']").ClickAsync();

            // 5. Completed: a valid ID, the family record, the declaration, then verified.
            await page.GetByTestId("documents-step").ClickAsync();
            id = page.GetByTestId("document").Filter(new() { HasText = "الهوية الوطنية" });
            await Expect(id.Locator("[name='Document.Found']")).ToHaveValueAsync("Matched");
            await id.Locator("[name='Document.ExpiryDate']").FillAsync("01/01/1452");
            await id.GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            var family = page.GetByTestId("document").Filter(new() { HasText = "سجل الأسرة" });
            await family.GetByRole(AriaRole.Button, new() { Name = "تسجيل المطابقة" }).ClickAsync();
            await Expect(page.GetByTestId("document").Filter(new() { HasText = "سجل الأسرة" }).GetByTestId("document-status")).ToHaveTextAsync("مطابق وساري");
            await page.GetByTestId("back-to-request").ClickAsync();
            await page.GetByTestId("declaration-step").ClickAsync();
            await page.GetByTestId("declaration-form").GetByRole(AriaRole.Button, new() { Name = "تسجيل الإقرار" }).ClickAsync();
            await Expect(page.GetByTestId("declaration")).ToContainTextAsync("سلمان فهد ناصر الحارثي");
            await page.Locator("button[data-trigger='Verify']").ClickAsync();

            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("مكتمل التحقق");
            await Expect(page.GetByTestId("decision-due")).ToContainTextAsync("هـ —");
            await Expect(page.GetByTestId("decision-due")).ToContainTextAsync(" م");
            await Expect(page.GetByTestId("days-left")).ToContainTextAsync("بقي 14 يومًا");
            await ScreenshotAsync(page, "intake-2-verified");
        });
}
