using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Deliveries;

[Collection(SharedApp.Requests)]
public sealed class DeliveryTests(AppFactory factory)
{
    private const string DeliveryForm = "form[data-testid=delivery-form]";
    private const string ActionForm = "form[action*='handler=Transition']";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static string Url(Guid id) => $"/Requests/Details/{id}";

    /// <summary>The delivery step's own page (issue 14: one page per step).</summary>
    private static string StepUrl(Guid id) => $"/Requests/{id}/Delivery";

    private static Dictionary<string, string> NoteDelivery(string amount) => new()
    {
        ["Delivery.Amount"] = amount,
        ["Delivery.Calendar"] = "Gregorian",
        ["Delivery.DeliveredOn"] = "2026-02-18",
        ["Delivery.ReceiptKind"] = nameof(ReceiptKind.Note),
        ["Delivery.ReceiptNote"] = "حوالة بنكية رقم ٤٤٥٥١",
    };

    private Task<RequestState> StateAsync(TestTenant tenant, Guid id) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == id).Select(r => r.State).SingleAsync());

    [Fact]
    public async Task Deliver_part_of_the_amount_puts_the_request_in_service_and_the_rest_closes_it_with_both_history_rows()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var url = Url(registered.RequestId);
        var stepLink = (await officer.GetDocumentAsync(url)).QuerySelector("[data-testid=delivery-step]")?.GetAttribute("href");

        var partial = await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, NoteDelivery("١٠٠٠"));
        var stateAfterPartial = await StateAsync(tenant, registered.RequestId);
        var rest = await officer.UploadAsync(StepUrl(registered.RequestId), DeliveryForm, "Delivery.Scan", "سند.png", Png, "image/png", new Dictionary<string, string>
        {
            ["Delivery.ServiceId"] = registered.ServiceId.ToString(),
            ["Delivery.Amount"] = "2000",
            ["Delivery.Quantity"] = "1",
            ["Delivery.Calendar"] = "Hijri",
            ["Delivery.DeliveredOn"] = "01/09/1447",
            ["Delivery.ReceiptKind"] = nameof(ReceiptKind.SignatureScan),
        });

        Assert.Equal(StepUrl(registered.RequestId), stepLink);
        Assert.Equal(HttpStatusCode.Redirect, partial.StatusCode);
        Assert.Equal(RequestState.InService, stateAfterPartial);
        Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        Assert.Equal(RequestState.Closed, await StateAsync(tenant, registered.RequestId));
        var history = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.Where(h => h.RequestId == registered.RequestId && h.Trigger != null)
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new { h.Trigger, h.From, h.To }).ToListAsync());
        Assert.Equal(
            [(RequestTrigger.Deliver, RequestState.Registered, RequestState.InService), (RequestTrigger.Deliver, RequestState.InService, RequestState.InService), (RequestTrigger.Complete, RequestState.InService, RequestState.Closed)],
            history.TakeLast(3).Select(h => (h.Trigger!.Value, h.From!.Value, h.To)));
        var deliveries = await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.OrderBy(d => d.AmountHalalas).ToListAsync());
        Assert.Equal([100_000L, 200_000L], deliveries.Select(d => d.AmountHalalas!.Value));
        Assert.Equal("حوالة بنكية رقم ٤٤٥٥١", deliveries[0].ReceiptNote);
        Assert.NotNull(deliveries[1].ReceiptFileId);
        Assert.Equal(new DateOnly(2026, 2, 18), deliveries[1].DeliveredOn);

        var page = await officer.GetDocumentAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=delivery-row]").Length);
        Assert.Equal("3,000.00", page.QuerySelector("[data-testid=delivered-amount]")!.TextContent);
        Assert.Equal("3,000.00", page.QuerySelector("[data-testid=approved-amount]")!.TextContent);
        Assert.Equal($"/Files/Download/{deliveries[1].ReceiptFileId}", page.QuerySelector("[data-testid=receipt-scan]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("[data-testid=delivery-step]"));
        Assert.Equal(nameof(RequestState.Closed), page.QuerySelector("[data-testid=request-state]")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Deliver_form_posted_twice_records_one_delivery()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var form = (await officer.GetDocumentAsync(StepUrl(registered.RequestId))).QuerySelector<IHtmlFormElement>(DeliveryForm)!;

        var first = await officer.SubmitAsync(form, StepUrl(registered.RequestId), NoteDelivery("500"));
        var second = await officer.SubmitAsync(form, StepUrl(registered.RequestId), NoteDelivery("500"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.RequestHistory.CountAsync(h => h.Trigger == RequestTrigger.Deliver)));
    }

    [Fact]
    public async Task Deliver_from_a_page_older_than_another_officers_delivery_is_stale_and_records_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var staleForm = (await admin.GetDocumentAsync(StepUrl(registered.RequestId))).QuerySelector<IHtmlFormElement>(DeliveryForm)!;

        await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, NoteDelivery("1000"));
        var stale = await admin.SubmitAsync(staleForm, StepUrl(registered.RequestId), NoteDelivery("1000"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("عدّل شخص آخر هذا الطلب", (await StaffClient.ParseAsync(stale)).QuerySelector("[data-testid=delivery-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
    }

    [Fact]
    public async Task Deliver_more_than_the_approved_amount_is_refused_with_what_remains_and_keeps_the_typed_values()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, NoteDelivery("2000"));

        var response = await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, NoteDelivery("1500"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("3,000.00", page.QuerySelector("[data-valmsg-for='Delivery.Amount']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2,000.00", page.QuerySelector("[data-valmsg-for='Delivery.Amount']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1500", page.QuerySelector<IHtmlInputElement>("[name='Delivery.Amount']")!.Value);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
        Assert.Equal(RequestState.InService, await StateAsync(tenant, registered.RequestId));
    }

    [Fact]
    public async Task Deliver_of_a_service_the_committee_did_not_approve_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        var otherService = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var service = new SupportService { Code = "FOOD", NameAr = "سلة غذائية" };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var response = await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm,
            new Dictionary<string, string>(NoteDelivery("500")) { ["Delivery.ServiceId"] = otherService.ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("اختر إحدى الخدمات التي اعتمدتها اللجنة", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Delivery.ServiceId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
        Assert.Equal(RequestState.Registered, await StateAsync(tenant, registered.RequestId));
    }

    [Fact]
    public async Task Deliver_with_a_signature_scan_but_no_file_or_a_future_date_is_refused_beside_the_fields()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var response = await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, new Dictionary<string, string>
        {
            ["Delivery.Amount"] = "٧٥٠",
            ["Delivery.Calendar"] = "Gregorian",
            ["Delivery.DeliveredOn"] = "2026-02-19",
            ["Delivery.ReceiptKind"] = nameof(ReceiptKind.SignatureScan),
        });
        var nothing = await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, new Dictionary<string, string>
        {
            ["Delivery.Calendar"] = "Gregorian",
            ["Delivery.DeliveredOn"] = "2026-02-18",
            ["Delivery.ReceiptKind"] = nameof(ReceiptKind.Note),
        });

        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("أرفق صورة سند الاستلام الموقّع", page.QuerySelector("[data-valmsg-for='Delivery.Scan']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("لا يمكن أن يكون التاريخ في المستقبل", page.QuerySelector("[data-valmsg-for='Delivery.DeliveredOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("٧٥٠", page.QuerySelector<IHtmlInputElement>("#Delivery_Amount")!.Value);
        Assert.Equal("2026-02-19", page.QuerySelector<IHtmlInputElement>("#Delivery_DeliveredOn")!.Value);
        var nothingPage = await StaffClient.ParseAsync(nothing);
        Assert.Contains("أدخل الكمية أو المبلغ المسلَّم", nothingPage.QuerySelector("[data-valmsg-for='Delivery.Quantity']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("اكتب ملاحظة الاستلام", nothingPage.QuerySelector("[data-valmsg-for='Delivery.ReceiptNote']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Close_early_by_the_manager_needs_a_reason_and_the_officer_has_no_button_nor_a_forged_way()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        await officer.SubmitFormAsync(StepUrl(registered.RequestId), DeliveryForm, NoteDelivery("1000"));
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);
        var version = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => r.Version).SingleAsync());

        var officerPage = await officer.GetDocumentAsync(Url(registered.RequestId));
        var forged = await officer.PostWithTokenAsync($"/Requests/{registered.RequestId}/Transition?handler=Transition", new Dictionary<string, string>
        {
            ["Action.Trigger"] = nameof(RequestTrigger.Close),
            ["Action.Version"] = version.ToString(),
            ["Action.Note"] = "محاولة",
        });
        var stateAfterForged = await StateAsync(tenant, registered.RequestId);
        var withoutReason = await manager.SubmitFormAsync(Url(registered.RequestId), ActionForm, new Dictionary<string, string> { ["Action.Note"] = "" }, "Action.Trigger", nameof(RequestTrigger.Close));
        var closed = await manager.SubmitFormAsync(Url(registered.RequestId), ActionForm,
            new Dictionary<string, string> { ["Action.Note"] = "انتقلت الأسرة خارج منطقة خدمة الجمعية" }, "Action.Trigger", nameof(RequestTrigger.Close));

        Assert.Null(officerPage.QuerySelector("[data-trigger=Close]"));
        Assert.Contains("هذا الإجراء غير متاح", (await StaffClient.ParseAsync(forged)).QuerySelector("[data-testid=action-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RequestState.InService, stateAfterForged);
        Assert.Contains("اذكر السبب", (await StaffClient.ParseAsync(withoutReason)).QuerySelector("[data-valmsg-for='Action.Note']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(RequestState.Closed, await StateAsync(tenant, registered.RequestId));
        var history = await factory.QueryAsync(tenant.Id, db => db.RequestHistory.SingleAsync(h => h.RequestId == registered.RequestId && h.Trigger == RequestTrigger.Close));
        Assert.Equal(("انتقلت الأسرة خارج منطقة خدمة الجمعية", tenant.User(StaffRoles.Manager).Id), (history.Note, history.UserId));
    }

    [Fact]
    public async Task Deliver_by_a_researcher_is_forbidden()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var version = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => r.Version).SingleAsync());

        var page = await researcher.GetDocumentAsync(Url(registered.RequestId));
        using var step = await researcher.Http.GetAsync(StepUrl(registered.RequestId));
        var forged = await researcher.PostWithTokenAsync($"{StepUrl(registered.RequestId)}?handler=Deliver",
            new Dictionary<string, string>(NoteDelivery("500"))
            {
                ["Delivery.ServiceId"] = registered.ServiceId.ToString(),
                ["Delivery.Version"] = version.ToString(),
                ["Delivery.IdempotencyKey"] = Guid.NewGuid().ToString(),
            });

        Assert.Null(page.QuerySelector("[data-testid=delivery-step]"));
        Assert.NotNull(page.QuerySelector("[data-testid=delivery-section]"));
        await Forbidden.AssertAsync(step);
        await Forbidden.AssertAsync(forged);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ServiceDeliveries.CountAsync()));
    }

    [Fact]
    public async Task Deliver_post_for_another_association_is_not_found_and_changes_nothing()
    {
        var victim = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, victim);
        var intruder = await factory.CreateTenantAsync();
        using var intruderOfficer = await factory.SignInAsync(intruder.User(StaffRoles.RelationsOfficer).Email);
        var version = await factory.QueryAsync(victim.Id, db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => r.Version).SingleAsync());

        await TenantLeak.AssertPostNotFoundAsync(factory, intruderOfficer, victim.Id, $"{StepUrl(registered.RequestId)}?handler=Deliver",
            db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => new { r.State, r.Version, Deliveries = db.ServiceDeliveries.Count() }).SingleAsync(),
            new Dictionary<string, string>(NoteDelivery("500"))
            {
                ["Delivery.ServiceId"] = registered.ServiceId.ToString(),
                ["Delivery.Version"] = version.ToString(),
                ["Delivery.IdempotencyKey"] = Guid.NewGuid().ToString(),
            });
        var upload = await intruderOfficer.UploadWithTokenAsync($"{StepUrl(registered.RequestId)}?handler=Deliver", "Delivery.Scan", "x.png", Png);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        await TenantLeak.AssertGetNotFoundAsync(intruderOfficer, $"/Beneficiaries/Details/{registered.BeneficiaryId}");
    }
}
