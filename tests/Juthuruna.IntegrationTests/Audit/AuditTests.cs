using System.Net;
using Juthuruna.Features.Audit;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Audit;

[Collection(SharedApp.Administration)]
public sealed class AuditTests(AppFactory factory)
{
    private Task<List<AuditEntry>> RowsAsync(Guid tenantId, Guid entityId) =>
        factory.QueryAsync(tenantId, db =>
        {
            var id = entityId.ToString();
            return db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        });

    [Fact]
    public async Task Create_and_edit_beneficiary_write_audit_rows_with_old_and_new_values_by_the_officer()
    {
        var tenant = await factory.CreateTenantAsync();
        var officerUser = tenant.User(StaffRoles.RelationsOfficer);
        var officer = await factory.SignInAsync(officerUser.Email);
        var id = await TestBeneficiaries.CreateAsync(officer);

        var edit = await officer.SubmitFormAsync($"/Beneficiaries/Edit/{id}", TestBeneficiaries.Form, new Dictionary<string, string>
        {
            ["Input.FirstName"] = "خالد",
            ["Input.Mobile"] = "0559876543",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var rows = (await RowsAsync(tenant.Id, id)).Where(r => r.Action != AuditAction.Viewed).ToList();
        Assert.Equal([AuditAction.Created, AuditAction.Updated], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(("Beneficiary", officerUser.Id.ToString()), (r.EntityType, r.UserId)));
        Assert.Contains(("FirstName", null, "أحمد"), AuditChanges.Read(rows[0].Changes));
        var changes = AuditChanges.Read(rows[1].Changes);
        Assert.Contains(("FirstName", "أحمد", "خالد"), changes);
        Assert.Contains(("Mobile", "+966551234567", "+966559876543"), changes);
        Assert.DoesNotContain(changes, c => c.Field == "FamilyName");
    }

    [Fact]
    public async Task Opening_a_beneficiary_file_writes_a_viewed_row()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var id = await TestBeneficiaries.CreateAsync(officer);
        var researcher = tenant.User(StaffRoles.SocialResearcher);
        var client = await factory.SignInAsync(researcher.Email);

        await client.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        // The row is written off the request path; the audit page writes what is queued before it reads.
        await (await factory.SignInAsync(tenant.Admin.Email)).GetDocumentAsync("/Admin/Audit");

        var viewed = Assert.Single(await RowsAsync(tenant.Id, id), r => r.Action == AuditAction.Viewed);
        Assert.Equal((researcher.Id.ToString(), "Beneficiary", factory.Clock.GetUtcNow().UtcDateTime), (viewed.UserId, viewed.EntityType, viewed.AtUtc));
    }

    [Fact]
    public async Task Audit_page_is_forbidden_to_non_admins_and_shows_only_the_tenants_rows()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var mine = await TestBeneficiaries.CreateAsync(officer);
        var other = await factory.CreateTenantAsync();
        var theirs = await TestBeneficiaries.CreateAsync(await factory.SignInAsync(other.User(StaffRoles.RelationsOfficer).Email));

        await Forbidden.AssertAsync(await officer.Http.GetAsync("/Admin/Audit"));

        var admin = await factory.SignInAsync(tenant.Admin.Email);
        var page = await admin.GetDocumentAsync("/Admin/Audit");
        var links = page.QuerySelectorAll("[data-testid=audit-record] a").Select(e => e.GetAttribute("href")).ToList();
        Assert.Contains($"/Beneficiaries/Details/{mine}", links);
        Assert.DoesNotContain($"/Beneficiaries/Details/{theirs}", links);
        Assert.Contains("موظف RelationsOfficer", page.QuerySelector("[data-testid=audit-rows]")!.TextContent, StringComparison.Ordinal);

        var filtered = await admin.GetDocumentAsync($"/Admin/Audit?EntityType=Beneficiary&EntityId={mine}");
        Assert.All(filtered.QuerySelectorAll("[data-testid=audit-record] a"), e => Assert.Equal($"/Beneficiaries/Details/{mine}", e.GetAttribute("href")));
        Assert.NotEmpty(filtered.QuerySelectorAll("[data-testid=audit-row]"));
    }
}
