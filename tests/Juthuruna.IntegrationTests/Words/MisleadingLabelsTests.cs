using Juthuruna.Data;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Words;

/// <summary>Issue 12, item 9: labels and figures that misled a new user on the first day.</summary>
public sealed class MisleadingLabelsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Verified_state_says_the_data_were_checked_in_a_neutral_colour_not_approved_green()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var page = await officer.GetDocumentAsync($"/Requests/Details/{request.RequestId}");

        var badge = page.QuerySelector("[data-testid=request-state]")!;
        Assert.Equal("مكتمل التحقق", badge.TextContent.Trim());
        Assert.DoesNotContain("text-bg-success", badge.ClassName, StringComparison.Ordinal);
        Assert.Contains("text-bg-info", badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beneficiary_file_shows_days_left_only_for_a_request_still_awaiting_its_decision()
    {
        var tenant = await factory.CreateTenantAsync();
        var decided = await TestRequests.ApprovedAsync(factory, tenant);
        var open = await TestRequests.VerifiedAsync(factory, tenant, sameFileAs: decided);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var page = await officer.GetDocumentAsync($"/Beneficiaries/Details/{decided.BeneficiaryId}");

        var items = page.QuerySelectorAll("[data-testid=beneficiary-requests] li");
        var decidedItem = Assert.Single(items, li => li.QuerySelector($"a[href='/Requests/Details/{decided.RequestId}']") is not null);
        var openItem = Assert.Single(items, li => li.QuerySelector($"a[href='/Requests/Details/{open.RequestId}']") is not null);
        Assert.Null(decidedItem.QuerySelector("[data-testid=days-left]"));
        Assert.NotNull(openItem.QuerySelector("[data-testid=days-left]"));
    }

    [Fact]
    public async Task Portal_lists_optional_documents_apart_from_the_required_ones()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var serviceId = await db.SupportRequests.Where(r => r.Id == request.RequestId).Select(r => r.ServiceId).SingleAsync();
            var optional = new DocumentType { Code = $"OPT-{request.Number}", NameAr = "شهادة تعريف بالراتب", NameEn = "Salary certificate" };
            db.DocumentTypes.Add(optional);
            db.ServiceRequirements.Add(new ServiceRequirement { ServiceId = serviceId, DocumentTypeId = optional.Id, IsMandatory = false });
            await db.SaveChangesAsync();
        });
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");

        Assert.Equal("المستندات المطلوبة منك", page.QuerySelector("[data-testid=required-documents]")!.TextContent.Trim());
        var required = page.QuerySelector("[data-testid=required-list]")!.TextContent;
        Assert.Contains("عقد الإيجار", required, StringComparison.Ordinal);
        Assert.DoesNotContain("شهادة تعريف بالراتب", required, StringComparison.Ordinal);
        Assert.Contains("شهادة تعريف بالراتب", page.QuerySelector("[data-testid=optional-list]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_declaration_wording_never_reads_version_zero()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Admin/Settings");

        Assert.Equal("الصيغة الافتراضية، لم تُعدَّل بعد", page.QuerySelector("[data-testid=declaration-version]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Committee_session_counts_items_and_votes_in_agreement()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestRequests.ApprovedAsync(factory, tenant);
        using var secretary = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeSecretary).Email);

        var page = await secretary.GetDocumentAsync("/Committee");

        var text = page.Body!.TextContent;
        Assert.Contains("بند واحد", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 بنود", text, StringComparison.Ordinal);
    }
}
