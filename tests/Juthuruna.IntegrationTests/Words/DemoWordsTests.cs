using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Policies;
using Juthuruna.Features.SupportRequests;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Juthuruna.Seeding;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Words;

/// <summary>Issue 12, item 9, on the demo: its own factory (own database), the demo seed only runs on an empty database.</summary>
public sealed class DemoWordsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<Guid> SeededAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }

        await using var read = factory.Services.CreateAsyncScope();
        return await read.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking().Where(t => t.Slug == "juthuruna").Select(t => t.Id).SingleAsync();
    }

    [Fact]
    public async Task Demo_past_decision_records_the_policies_approved_before_it_and_the_guide_states_the_window_setting()
    {
        var tenantId = await SeededAsync();

        var decided = await factory.QueryAsync(tenantId, db => db.AgendaItems.AsNoTracking().Where(i => i.Decision != null).Select(i => i.PolicyVersions).ToListAsync());
        Assert.NotEmpty(decided);
        Assert.All(decided, text =>
        {
            Assert.NotEqual(CommitteeSeats.NoApprovedPolicies, text);
            Assert.Contains("دليل سياسة الدعم", text, StringComparison.Ordinal);
        });

        var setting = await factory.QueryAsync(tenantId, db => db.Tenants.Where(t => t.Id == tenantId).Select(t => new { t.Settings.DecisionWindowDays, t.Settings.DecisionWindowMode }).SingleAsync());
        Assert.Equal((14, DecisionWindowMode.CalendarDays), (setting.DecisionWindowDays, setting.DecisionWindowMode));
        var guide = await factory.QueryAsync(tenantId, db => db.PolicyVersions.AsNoTracking()
            .Where(v => v.Status == PolicyVersionStatus.Approved)
            .Join(db.PolicyDocuments, v => v.DocumentId, d => d.Id, (v, d) => new { d.Kind, v.Text })
            .Where(x => x.Kind == PolicyKind.SupportPolicyGuide).Select(x => x.Text).SingleAsync());
        Assert.Contains("خلال مدة لا تتجاوز 14 يومًا", guide, StringComparison.Ordinal);
        Assert.DoesNotContain("أيام عمل", guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_second_delivery_reads_as_a_delivery_not_a_change_from_a_state_to_itself()
    {
        var tenantId = await SeededAsync();
        var closed = await factory.QueryAsync(tenantId, db => db.SupportRequests.AsNoTracking().Where(r => r.State == RequestState.Closed)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new { r.Id, r.Number, b.IdentityNumber }).SingleAsync());
        using var officer = await factory.SignInAsync("officer@juthuruna.org.sa", DemoData.Password);

        var page = await officer.GetDocumentAsync($"/Requests/Details/{closed.Id}");

        var steps = page.QuerySelectorAll("[data-testid=history-step]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Contains("تسليم الدفعة رقم 2", steps);
        Assert.DoesNotContain(steps, s => s.Contains("قيد تقديم الخدمة (من قيد تقديم الخدمة)", StringComparison.Ordinal));

        using var visitor = factory.CreateStaffClient();
        var sent = await PortalArrange.LookUpAsync(visitor, "juthuruna", closed.Number, closed.IdentityNumber);
        var code = await factory.QueryAsync(tenantId, async db => System.Text.RegularExpressions.Regex.Match(
            await db.OutgoingMessages.AsNoTracking().Where(m => m.Kind == Features.Notifications.MessageKind.Otp).OrderByDescending(m => m.CreatedAtUtc).Select(m => m.Body).FirstAsync(), @"\d{6}").Value);
        await PortalArrange.EnterCodeAsync(visitor, sent.Headers.Location!.OriginalString, code);
        var portal = await visitor.GetDocumentAsync("/t/juthuruna/track/request");
        var timeline = portal.QuerySelectorAll("[data-testid=timeline] li").Select(li => li.TextContent).ToList();
        Assert.Single(timeline, t => t.Contains("جارٍ تقديم الخدمة", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("تسليم الدفعة رقم 2", StringComparison.Ordinal));
    }
}
