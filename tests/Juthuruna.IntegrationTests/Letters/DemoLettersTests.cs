using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Seeding;
using Juthuruna.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>
/// Issue 5's acceptance, "from the demo, issue each letter type": every kind has a subject in the demo association.
/// Its own factory (own database): the demo seed only runs on an empty database.
/// </summary>
public sealed class DemoLettersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Association = "جمعية جذورنا الثقافية";

    [Fact]
    public async Task Demo_offers_a_subject_for_every_letter_kind()
    {
        var ct = CancellationToken.None;
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(ct));
        }

        Guid tenantId;
        using (var scope = factory.Services.CreateScope())
        {
            // Tenants are platform rows: readable without a tenant.
            tenantId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.AsNoTracking().Where(t => t.Slug == "juthuruna").Select(t => t.Id).SingleAsync(ct);
        }

        var staff = await factory.QueryAsync(tenantId, db => db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == "OFFICER@JUTHURUNA.ORG.SA" || u.NormalizedEmail == "SECRETARY@JUTHURUNA.ORG.SA")
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct));
        var officer = new Actor(staff["OFFICER@JUTHURUNA.ORG.SA"], [StaffRoles.RelationsOfficer]);
        var secretary = new Actor(staff["SECRETARY@JUTHURUNA.ORG.SA"], [StaffRoles.CommitteeSecretary]);
        var requestIds = await factory.QueryAsync(tenantId, db => db.SupportRequests.AsNoTracking().OrderBy(r => r.Number).Select(r => r.Id).Take(50).ToListAsync(ct));
        var sessionIds = await factory.QueryAsync(tenantId, db => db.CommitteeSessions.AsNoTracking().OrderBy(s => s.HeldOn).Select(s => s.Id).Take(50).ToListAsync(ct));

        var issued = new List<LetterKind>();
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var minutes = Letter.SubjectOf(kind) == LetterSubject.CommitteeSession;
            var pdf = await factory.InTenantAsync(tenantId, async sp =>
            {
                var register = sp.GetRequiredService<LetterRegister>();
                var db = sp.GetRequiredService<AppDbContext>();
                foreach (var subjectId in minutes ? sessionIds : requestIds)
                {
                    if ((await register.Template(kind).DraftAsync(db, subjectId, ct)).Draft is null)
                    {
                        continue;
                    }

                    var result = await register.IssueAsync(kind, subjectId, "ar", Guid.NewGuid(), minutes ? secretary : officer, ct);
                    Assert.True(result.Succeeded, $"{kind}: " + string.Join("; ", result.Errors.Select(e => e.Message)));
                    var stored = await sp.GetRequiredService<LetterQueries>().PdfAsync(result.Id!.Value, ct);
                    return stored!.Value.Content;
                }

                return null;
            });
            if (pdf is null)
            {
                continue;
            }

            Assert.Contains(Association, await PdfText.ExtractAsync(pdf, layout: true), StringComparison.Ordinal);
            issued.Add(kind);
            await DocumentAsync(kind, pdf);
        }

        Assert.Equal(Enum.GetValues<LetterKind>(), issued);
        Assert.Equal(7, await factory.QueryAsync(tenantId, db => db.Letters.CountAsync(ct)));
        // The past session's minutes record an approval and a rejection.
        var decisions = await factory.QueryAsync(tenantId, db => db.AgendaItems.AsNoTracking()
            .Where(i => i.Status == AgendaItemStatus.Decided).OrderBy(i => i.Position).Select(i => i.Decision).ToListAsync(ct));
        Assert.Equal([CommitteeDecision.Approve, CommitteeDecision.Reject], decisions);
    }

    /// <summary>
    /// With UPDATE_DOCS=1, page 1 of each demo letter becomes docs/letters/&lt;kind&gt;.png (the rendered examples the
    /// README links to): <c>UPDATE_DOCS=1 dotnet test tests/Juthuruna.IntegrationTests --filter Demo_offers_a_subject_for_every_letter_kind</c>.
    /// </summary>
    private static async Task DocumentAsync(LetterKind kind, byte[] pdf)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") != "1")
        {
            return;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juthuruna.sln")))
        {
            dir = dir.Parent;
        }

        var file = PdfText.WriteTemp(pdf);
        try
        {
            var target = Path.Combine(dir!.FullName, "docs", "letters", kind.ToString());
            await PdfText.RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, target);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
