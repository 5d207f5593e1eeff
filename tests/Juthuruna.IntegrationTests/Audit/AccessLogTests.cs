using Juthuruna.Data;
using Juthuruna.Tenancy;
using Juthuruna.Features.Audit;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Juthuruna.IntegrationTests.Audit;

/// <summary>
/// The app with a writer that gathers views for an hour: whatever reaches the database here was written by the audit
/// page's flush or by the shutdown, never by the background turn. The host is kept so a test can stop it.
/// </summary>
public sealed class QueuedViewsFactory : AppFactory
{
    public IHost? AppHost { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AccessLog:BatchDelayMilliseconds", "3600000");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        AppHost = base.CreateHost(builder);
        return AppHost;
    }
}

public sealed class AccessLogTests(QueuedViewsFactory factory) : IClassFixture<QueuedViewsFactory>
{
    private Task<List<AuditEntry>> ViewsAsync(Guid tenantId, Guid entityId) =>
        factory.QueryAsync(tenantId, db =>
        {
            var id = entityId.ToString();
            return db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id && a.Action == AuditAction.Viewed).ToListAsync();
        });

    [Fact]
    public async Task Opening_a_file_then_the_audit_page_shows_record_opened_by_the_reader()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await TestBeneficiaries.CreateAsync(await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
        var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);

        await researcher.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        Assert.Empty(await ViewsAsync(tenant.Id, id)); // queued, not yet written: the page did not wait for the write lock

        var admin = await factory.SignInAsync(tenant.Admin.Email);
        var page = await admin.GetDocumentAsync($"/Admin/Audit?EntityType=Beneficiary&EntityId={id}");

        var opened = Assert.Single(page.QuerySelectorAll("[data-testid=audit-row]"), r => r.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim() == "اطلاع على السجل");
        Assert.Equal("موظف SocialResearcher", opened.QuerySelector("[data-testid=audit-user]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Views_of_two_associations_written_in_one_batch_each_carry_their_own_tenant()
    {
        var first = await factory.CreateTenantAsync();
        var second = await factory.CreateTenantAsync();
        var firstFile = await TestBeneficiaries.CreateAsync(await factory.SignInAsync(first.User(StaffRoles.RelationsOfficer).Email));
        var secondFile = await TestBeneficiaries.CreateAsync(await factory.SignInAsync(second.User(StaffRoles.RelationsOfficer).Email));
        var firstReader = first.User(StaffRoles.SocialResearcher);
        var secondReader = second.User(StaffRoles.SocialResearcher);

        await Task.WhenAll(
            (await factory.SignInAsync(firstReader.Email)).GetDocumentAsync($"/Beneficiaries/Details/{firstFile}"),
            (await factory.SignInAsync(secondReader.Email)).GetDocumentAsync($"/Beneficiaries/Details/{secondFile}"));

        // The first association's administrator reads its log: the batch written then holds both associations' views.
        var page = await (await factory.SignInAsync(first.Admin.Email)).GetDocumentAsync("/Admin/Audit");
        var records = page.QuerySelectorAll("[data-testid=audit-record] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Beneficiaries/Details/{firstFile}", records);
        Assert.DoesNotContain($"/Beneficiaries/Details/{secondFile}", records);

        Assert.Equal(firstReader.Id.ToString(), Assert.Single(await ViewsAsync(first.Id, firstFile)).UserId);
        Assert.Equal(secondReader.Id.ToString(), Assert.Single(await ViewsAsync(second.Id, secondFile)).UserId);
        Assert.Empty(await ViewsAsync(first.Id, secondFile));
        Assert.Empty(await ViewsAsync(second.Id, firstFile));
    }

    [Fact]
    public async Task Views_still_queued_when_the_server_stops_are_written_before_it_exits()
    {
        await using var stopping = new QueuedViewsFactory();
        var tenant = await stopping.CreateTenantAsync();
        var id = await TestBeneficiaries.CreateAsync(await stopping.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
        var reader = tenant.User(StaffRoles.SocialResearcher);
        await (await stopping.SignInAsync(reader.Email)).GetDocumentAsync($"/Beneficiaries/Details/{id}");

        await stopping.AppHost!.StopAsync();

        // Read with a context of our own: once the host has stopped, the app's service provider may be disposed at any
        // moment (the entry point returns and disposes it), so the factory's scopes cannot be relied on.
        var tenantScope = new TenantContext();
        tenantScope.Use(tenant.Id);
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={stopping.DatabasePath}").Options, tenantScope);
        var entityId = id.ToString();
        var viewed = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == entityId && a.Action == AuditAction.Viewed).ToListAsync());
        Assert.Equal((reader.Id.ToString(), stopping.Clock.GetUtcNow().UtcDateTime), (viewed.UserId, viewed.AtUtc));
    }
}
