using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Audit;

/// <summary>The audit log as a list of issue 16 (ADR 0021): filters, keyset pages both ways, 400s, exports, roles, tenants.</summary>
[Collection(SharedApp.Administration)]
public sealed class AuditListTests(AppFactory factory)
{
    private const string Rows = "[data-testid=audit-row]";

    private static readonly DateTime Start = new(2025, 6, 1, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Writes <paramref name="count"/> entries of <paramref name="actor"/>, one minute apart from 1 June 2025 (Riyadh
    /// mornings) — every third shares its time with the one before, so the id breaks the tie; returns their ids.
    /// </summary>
    private Task<List<Guid>> WriteAsync(Guid tenantId, string actor, int count, AuditAction action = AuditAction.Updated, string kind = "Beneficiary", string? changes = null) =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var entries = Enumerable.Range(0, count).Select(i => new AuditEntry
            {
                AtUtc = Start.AddMinutes(i % 3 == 2 ? i - 1 : i),
                UserId = actor,
                Action = action,
                EntityType = kind,
                EntityId = Guid.NewGuid().ToString(),
                Changes = changes ?? AuditChanges.ToJson([new FieldChange("FirstName", "قديم", $"جديد {i}")]),
            }).ToList();
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
            return entries.Select(e => e.Id).ToList();
        });

    private static List<Guid> IdsOn(IHtmlDocument page) => page.QuerySelectorAll(Rows).Select(r => Guid.Parse(r.GetAttribute("data-entry-id")!)).ToList();

    [Fact]
    public async Task Audit_log_pages_by_keyset_forward_and_back_without_skipping_or_repeating_an_entry()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher).Id.ToString();
        var ids = await WriteAsync(tenant.Id, researcher, (2 * AuditQueries.PageSize) + 7);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var first = await admin.GetDocumentAsync($"/Admin/Audit?Actor={researcher}");
        var second = await admin.GetDocumentAsync(first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);
        var third = await admin.GetDocumentAsync(second.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);
        var backToSecond = await admin.GetDocumentAsync(third.QuerySelector("[data-testid=previous-page]")!.GetAttribute("href")!);
        var backToFirst = await admin.GetDocumentAsync(backToSecond.QuerySelector("[data-testid=previous-page]")!.GetAttribute("href")!);

        var walked = IdsOn(first).Concat(IdsOn(second)).Concat(IdsOn(third)).ToList();
        Assert.Equal(AuditQueries.PageSize, IdsOn(first).Count);
        Assert.Equal(7, IdsOn(third).Count);
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(ids.Order(), walked.Order());
        Assert.Null(third.QuerySelector("[data-testid=next-page]"));
        Assert.Null(first.QuerySelector("[data-testid=previous-page]"));
        Assert.Equal(IdsOn(second), IdsOn(backToSecond));
        Assert.Equal(IdsOn(first), IdsOn(backToFirst));
        Assert.Null(backToFirst.QuerySelector("[data-testid=previous-page]"));
    }

    [Fact]
    public async Task Filters_by_action_kind_actor_and_days_narrow_the_log_to_their_entries()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher).Id.ToString();
        var chair = tenant.User(StaffRoles.CommitteeChair).Id.ToString();
        var updates = await WriteAsync(tenant.Id, researcher, 4);
        var deletes = await WriteAsync(tenant.Id, researcher, 3, AuditAction.Deleted, "StoredFile");
        var chairs = await WriteAsync(tenant.Id, chair, 2, AuditAction.Transition, "SupportRequest");
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var deleted = await admin.GetDocumentAsync("/Admin/Audit?Action=Deleted");
        var files = await admin.GetDocumentAsync("/Admin/Audit?EntityType=StoredFile");
        var byChair = await admin.GetDocumentAsync($"/Admin/Audit?Actor={chair}");
        var researcherUpdates = await admin.GetDocumentAsync($"/Admin/Audit?Actor={researcher}&Action=Updated");
        // 1 June 2025 is 5 Dhu al-Hijjah 1446; every entry was written that morning.
        var hijriDay = await admin.GetDocumentAsync($"/Admin/Audit?Actor={researcher}&Calendar=Hijri&From=05/12/1446&To=05/12/1446");
        var dayAfter = await admin.GetDocumentAsync($"/Admin/Audit?Actor={researcher}&Calendar=Gregorian&From=02/06/2025");

        Assert.Equal(deletes.Order(), IdsOn(deleted).Order());
        Assert.Equal(deletes.Order(), IdsOn(files).Order());
        Assert.Equal(chairs.Order(), IdsOn(byChair).Order());
        Assert.Equal(updates.Order(), IdsOn(researcherUpdates).Order());
        Assert.Equal(updates.Concat(deletes).Order(), IdsOn(hijriDay).Order());
        Assert.Empty(IdsOn(dayAfter));
        Assert.NotNull(dayAfter.QuerySelector("[data-testid=no-entries]"));
        Assert.All(deleted.QuerySelectorAll("[data-testid=audit-action]"), a => Assert.Equal("حذف", a.TextContent.Trim()));
    }

    [Fact]
    public async Task Bad_filters_answer_400_with_a_field_message_and_no_rows_on_the_page_and_the_export()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        await WriteAsync(tenant.Id, tenant.User(StaffRoles.SocialResearcher).Id.ToString(), 3);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var badAction = await admin.GetDocumentAsync("/Admin/Audit?Action=Nonsense", HttpStatusCode.BadRequest);
        var foreignActor = await admin.GetDocumentAsync($"/Admin/Audit?Actor={other.User(StaffRoles.SocialResearcher).Id}", HttpStatusCode.BadRequest);
        var unknownActor = await admin.GetDocumentAsync($"/Admin/Audit?Actor={Guid.NewGuid()}", HttpStatusCode.BadRequest);
        var badKind = await admin.GetDocumentAsync("/Admin/Audit?EntityType=AspNetUsers", HttpStatusCode.BadRequest);
        var badDate = await admin.GetDocumentAsync("/Admin/Audit?Calendar=Gregorian&From=2026-02-30", HttpStatusCode.BadRequest);
        var export = await admin.Http.GetAsync($"/Admin/Audit?handler=Export&format=Xlsx&Actor={other.User(StaffRoles.SocialResearcher).Id}");

        Assert.Equal("هذه القيمة غير صالحة.", badAction.QuerySelector("[data-testid=error-action]")!.TextContent.Trim());
        Assert.Equal("اختر الموظف من القائمة.", foreignActor.QuerySelector("[data-testid=error-actor]")!.TextContent.Trim());
        Assert.Equal("اختر الموظف من القائمة.", unknownActor.QuerySelector("[data-testid=error-actor]")!.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(badKind.QuerySelector("[data-testid=error-kind]")!.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(badDate.QuerySelector("[data-testid=error-from]")!.TextContent));
        Assert.All(new[] { badAction, foreignActor, unknownActor, badKind, badDate }, p => Assert.Empty(p.QuerySelectorAll(Rows)));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.StartsWith("text/html", export.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }

    [Fact]
    public async Task Xlsx_export_holds_exactly_the_filtered_entries_beyond_one_batch_with_arabic_headers_and_is_audited()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher).Id.ToString();
        // More than one export batch (1,000) and one page, so the batches' keyset is walked too.
        var ids = await WriteAsync(tenant.Id, researcher, 1003);
        await WriteAsync(tenant.Id, researcher, 5, AuditAction.Deleted);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync($"/Admin/Audit?Actor={researcher}&Action=Updated");
        var response = await admin.Http.GetAsync(page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx\"", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        static string TextOf(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        // An empty value writes no cell: columns are found by their reference (A, B, …).
        List<string> Column(int index) => rows.Skip(1)
            .Select(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value![0] == (char)('A' + index)) is { } cell ? TextOf(cell) : "").ToList();

        Assert.True(sheet.Descendants<SheetView>().Single().RightToLeft!.Value);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(
            ["التاريخ (ميلادي)", "التاريخ (هجري)", "الموظف", "الإجراء", "نوع السجل", "السجل", "معرّف السجل", "التغييرات"],
            rows[0].Elements<Cell>().Select(TextOf));
        Assert.Equal(ids.Count, rows.Count - 1);
        Assert.All(Column(3), a => Assert.Equal("تعديل", a));
        Assert.All(Column(2), a => Assert.Equal("موظف SocialResearcher", a));
        Assert.Equal("2025-06-01 09:00:00", Column(0)[^1]);
        Assert.Contains("1446 هـ", Column(1)[^1], StringComparison.Ordinal);
        Assert.Contains("الاسم الأول: قديم ← جديد 0", Column(7)[^1], StringComparison.Ordinal);
        var exported = await factory.QueryAsync(tenant.Id, db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported));
        Assert.Equal((AuditQueries.AuditList, "xlsx", tenant.Admin.Id.ToString()), (exported.EntityType, exported.EntityId, exported.UserId));
        var filters = AuditChanges.Read(exported.Changes);
        Assert.Contains(("Rows", null, "1003"), filters);
        Assert.Contains(("Action", null, "Updated"), filters);
        Assert.Contains(("Actor", null, researcher), filters);
    }

    [Fact]
    public async Task Csv_export_has_a_bom_and_neutralises_a_value_that_a_spreadsheet_would_run()
    {
        var tenant = await factory.CreateTenantAsync();
        var researcher = tenant.User(StaffRoles.SocialResearcher).Id.ToString();
        await WriteAsync(tenant.Id, researcher, 2, changes: AuditChanges.ToJson([new FieldChange("Notes", null, "=HYPERLINK(\"http://x\")")]));
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var bytes = await admin.Http.GetByteArrayAsync($"/Admin/Audit?handler=Export&format=Csv&Actor={researcher}");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"التاريخ (ميلادي)\",\"التاريخ (هجري)\",\"الموظف\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        // The changes cell starts with the field's label, so nothing in it is a formula; the value is kept as typed.
        Assert.All(lines.Skip(1), l => Assert.Contains("=HYPERLINK(\"\"http://x\"\")", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(",\"=", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StaffRoles.Manager)]
    [InlineData(StaffRoles.RelationsOfficer)]
    public async Task Roles_other_than_the_administrator_get_403_on_the_audit_log_and_its_export_and_no_menu_link(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        var home = await user.GetDocumentAsync("/");
        await Forbidden.AssertAsync(await user.Http.GetAsync("/Admin/Audit"));
        await Forbidden.AssertAsync(await user.Http.GetAsync("/Admin/Audit?handler=Export&format=Xlsx"));
        await Forbidden.AssertAsync(await user.Http.GetAsync("/Admin/Audit?handler=Export&format=Csv"));

        Assert.Null(home.QuerySelector("[data-testid=nav-audit]"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }

    /// <summary>TenantLeak for a list: another association's administrator sees and exports none of these entries.</summary>
    [Fact]
    public async Task TenantLeak_audit_log_and_its_export_hold_none_of_another_associations_entries()
    {
        var owner = await factory.CreateTenantAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        var ownerIds = await WriteAsync(owner.Id, AuditEntry.SystemUser, 3, AuditAction.Deleted);
        var entityIds = await factory.QueryAsync(owner.Id, db => db.AuditEntries.Where(a => ownerIds.Contains(a.Id)).Select(a => a.EntityId).ToListAsync());
        using var intruder = await factory.SignInAsync(intruderTenant.Admin.Email);

        var page = await intruder.GetDocumentAsync("/Admin/Audit?Action=Deleted");
        var trail = await intruder.GetDocumentAsync($"/Admin/Audit?EntityType=Beneficiary&EntityId={entityIds[0]}");
        var csv = Encoding.UTF8.GetString(await intruder.Http.GetByteArrayAsync("/Admin/Audit?handler=Export&format=Csv"));

        Assert.Empty(IdsOn(page));
        Assert.Empty(IdsOn(trail));
        Assert.All(entityIds, id => Assert.DoesNotContain(id, csv, StringComparison.Ordinal));
        Assert.Equal(0, await factory.QueryAsync(owner.Id, db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }
}
