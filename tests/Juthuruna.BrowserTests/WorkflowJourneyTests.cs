using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 4's acceptance in the Arabic UI, from the demo: the researcher submits the report of the request
/// under research, the secretary opens a session and puts it on the agenda, three members vote and one
/// recuses (and sees no tally), the chair decides, the officer registers the beneficiary and records two
/// deliveries, and the request closes with its whole history. Each person signs in in their own browser.
/// </summary>
public sealed class WorkflowJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Applicant = "فاطمة عبدالله أحمد الغامدي";

    private static readonly string[] HistorySteps = ["قيد البحث الاجتماعي", "بانتظار اللجنة", "مقبول", "مسجل", "قيد تقديم الخدمة", "مغلق"];

    private static string Today() =>
        DateTime.UtcNow.AddHours(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public Task Request_goes_from_research_through_the_committee_to_closed_in_the_arabic_ui() =>
        InBrowserAsync("workflow-journey", async officerPage =>
        {
            string requestUrl = "";

            // 1. The researcher finishes the report drafted after a phone call and sends it to the committee.
            await AsAsync("researcher@juthuruna.org.sa", async page =>
            {
                await page.GotoAsync("/Requests?State=UnderResearch");
                await page.GetByTestId("queue").Locator("tr", new() { HasText = Applicant }).Locator("a[href^='/Requests/Details/']").ClickAsync();
                requestUrl = new Uri(page.Url).AbsolutePath;
                await page.GetByTestId("research-step").ClickAsync();
                await AssertAccessibleAsync(page, "the research step");
                var form = page.GetByTestId("report-form");
                await form.Locator("[name='Report.VisitType']").SelectOptionAsync("HomeVisit");
                await form.Locator("[name='Report.Calendar']").SelectOptionAsync("Gregorian");
                await form.Locator("[name='Report.VisitedOn']").FillAsync(Today());
                await form.Locator("[name='Report.Findings']").FillAsync("زيارة منزلية: الدخل من الضمان لا يكفي، والسكن خيري.");
                await form.Locator("[name='Report.Recommendation']").SelectOptionAsync("Approve");
                await form.GetByLabel("سلة غذائية", new() { Exact = true }).CheckAsync();
                await form.Locator("[name='Report.RecommendedAmount']").FillAsync("٧٠٠");
                await ScreenshotAsync(page, "workflow-1-research-report");
                await page.GetByTestId("submit-report").ClickAsync();
                await Expect(page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "AwaitingCommittee");
            });

            // 2. The secretary opens a session, records who came and puts the request on the agenda.
            string itemUrl = "";
            await AsAsync("secretary@juthuruna.org.sa", async page =>
            {
                await page.GotoAsync("/Committee/Sessions/Create");
                await page.Locator("[name='Input.Place']").FillAsync("مقر الجمعية — جلسة استثنائية");
                await page.GetByTestId("session-form").Locator("button[type=submit]").ClickAsync();
                await Expect(page.GetByTestId("session-number")).ToBeVisibleAsync();
                var attendance = page.GetByTestId("attendance-form");
                foreach (var box in await attendance.Locator("[name='Present']").AllAsync())
                {
                    await box.CheckAsync();
                }

                await attendance.Locator("button[type=submit]").ClickAsync();
                var add = page.GetByTestId("add-item-form");
                await add.Locator("[name='RequestId']").SelectOptionAsync(new SelectOptionValue { Label = (await add.Locator("option", new() { HasText = Applicant }).TextContentAsync())!.Trim() });
                await add.Locator("button[type=submit]").ClickAsync();
                var item = page.GetByTestId("agenda-item").Filter(new() { HasText = Applicant });
                await Expect(item).ToBeVisibleAsync();
                await ScreenshotAsync(page, "workflow-2-session-agenda");
                await item.Locator("a[href^='/Committee/Items/']").First.ClickAsync();
                itemUrl = new Uri(page.Url).AbsolutePath;
                await VoteAsync(page, "Approve", "أوافق على توصية الباحث.");
            });

            // 3. Two members vote; the second has a conflict of interest, recuses, and sees no tally.
            await AsAsync("member@juthuruna.org.sa", async page =>
            {
                await page.GotoAsync(itemUrl);
                await VoteAsync(page, "Approve", "الحالة مستحقة حسب تقرير البحث.");
                await Expect(page.GetByTestId("tally")).ToBeVisibleAsync();
            });
            await AsAsync("member2@juthuruna.org.sa", async page =>
            {
                await page.GotoAsync(itemUrl);
                await VoteAsync(page, "Recuse", "المستفيدة من أقاربي؛ أتنحى عن هذا البند.");
                await Expect(page.GetByTestId("recused-note")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("tally")).ToHaveCountAsync(0);
                await ScreenshotAsync(page, "workflow-3-recused-member-sees-no-tally");
            });

            // 4. The chair votes and closes the item with the approval: the request is approved.
            await AsAsync("chair@juthuruna.org.sa", async page =>
            {
                await page.GotoAsync(itemUrl);
                await VoteAsync(page, "Approve", "أوافق على صرف سلتين.");
                await Expect(page.GetByTestId("tally-counts")).ToContainTextAsync("3");
                var close = page.GetByTestId("close-form");
                await close.Locator("[name='Close.Decision'][value='Approve']").CheckAsync();
                await close.Locator("[name='Close.Reasons']").FillAsync("الأسرة مستحقة وفق سياسة الدعم؛ تُصرف قيمة سلتين غذائيتين.");
                await close.Locator("[name='Close.Amount']").FillAsync("700");
                await ScreenshotAsync(page, "workflow-4-chair-decides");
                await close.Locator("button[type=submit]").ClickAsync();
                await Expect(page.GetByTestId("item-status")).ToHaveAttributeAsync("data-status", "Decided");
            });

            // 5. The officer registers the beneficiary and delivers in two parts; the request closes.
            await SignInFromHomeAsync(officerPage, "officer@juthuruna.org.sa");
            var page = officerPage;
            await page.GotoAsync(requestUrl);
            await Expect(page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "Approved");
            await page.GetByTestId("registration-step").ClickAsync();
            await AssertAccessibleAsync(page, "the registration step");
            var register = page.GetByTestId("registration-form");
            await register.Locator("[name='Register.Calendar']").SelectOptionAsync("Gregorian");
            await register.Locator("[name='Register.EligibleFrom']").FillAsync(Today());
            await register.Locator("[name='Register.EligibleTo']").FillAsync(DateTime.UtcNow.AddHours(3).AddMonths(6).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            await register.Locator("button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", "Registered");
            await Expect(page.GetByTestId("beneficiary-number")).ToContainTextAsync("JTH-");

            foreach (var (reference, state) in new[] { ("إيصال استلام السلة الأولى موقع", "InService"), ("إيصال استلام السلة الثانية موقع", "Closed") })
            {
                await page.GetByTestId("delivery-step").ClickAsync();
                var deliver = page.GetByTestId("delivery-form");
                await deliver.Locator("[name='Delivery.Amount']").FillAsync("350");
                await deliver.Locator("[name='Delivery.Calendar']").SelectOptionAsync("Gregorian");
                await deliver.Locator("[name='Delivery.DeliveredOn']").FillAsync(Today());
                await deliver.Locator("[name='Delivery.ReceiptKind']").SelectOptionAsync("Note");
                await deliver.Locator("[name='Delivery.ReceiptNote']").FillAsync(reference);
                if (state == "InService")
                {
                    await AssertAccessibleAsync(page, "the delivery step");
                    await ScreenshotAsync(page, "workflow-5-delivery-step");
                }

                await deliver.Locator("button[type=submit]").ClickAsync();
                await Expect(page.GetByTestId("request-state")).ToHaveAttributeAsync("data-state", state);
            }

            await Expect(page.GetByTestId("delivery-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("request-service")).ToHaveTextAsync("سلة غذائية");
            await Expect(page.GetByTestId("decided-in-window")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("request-state")).ToHaveTextAsync("مغلق");
            var history = page.GetByTestId("history");
            foreach (var step in HistorySteps)
            {
                await Expect(history).ToContainTextAsync(step);
            }

            await ScreenshotAsync(page, "workflow-6-closed-with-history");
        });

    private async Task AsAsync(string email, Func<IPage, Task> steps)
    {
        await using var context = await Fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInFromHomeAsync(page, email);
        await steps(page);
    }

    private static async Task VoteAsync(IPage page, string choice, string reason)
    {
        var form = page.GetByTestId("vote-form");
        await form.Locator($"[name='Vote.Choice'][value='{choice}']").CheckAsync();
        await form.Locator("[name='Vote.Reason']").FillAsync(reason);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, Axe.Describe(what, page.Url, violations));
    }
}
