using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Satisfaction;

/// <summary>The averages of one group of answers (a service, a channel, a branch, a month, or all of them).</summary>
public sealed record SurveyAverages(int Count, double Overall, double Courtesy, double Speed, double Clarity);

public sealed record SurveyGroup<TKey>(TKey Key, string? NameAr, string? NameEn, SurveyAverages Averages);

/// <summary>A comment as the manager sees it: never who wrote it, only whether they chose to give their name.</summary>
public sealed record SurveyComment(DateOnly Month, string? ServiceNameAr, string? ServiceNameEn, int Overall, string Comment, bool Named);

public sealed record SurveyResults(
    SurveyAverages Total,
    IReadOnlyList<SurveyGroup<Guid>> ByService,
    IReadOnlyList<SurveyGroup<ContactChannel>> ByChannel,
    IReadOnlyList<SurveyGroup<Guid?>> ByBranch,
    IReadOnlyList<SurveyGroup<DateOnly>> ByMonth,
    IReadOnlyList<SurveyComment> Comments);

/// <summary>
/// The manager's results of قياس الرضا, aggregated in the database. Answers carry no staff member, so there is
/// deliberately no way to break them down per employee (the policy: improvement, not punishment).
/// </summary>
public sealed class SurveyQueries(AppDbContext db)
{
    public const int MaxGroups = 100;
    public const int MaxComments = 30;

    /// <param name="from">First month included (any day of it), or null.</param>
    /// <param name="to">Last month included (any day of it), or null.</param>
    public async Task<SurveyResults> ResultsAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var answers = db.SurveyResponses.AsNoTracking();
        if (from is { } f)
        {
            var first = new DateOnly(f.Year, f.Month, 1);
            answers = answers.Where(r => r.AnsweredMonth >= first);
        }

        if (to is { } t)
        {
            var last = new DateOnly(t.Year, t.Month, 1);
            answers = answers.Where(r => r.AnsweredMonth <= last);
        }

        var total = await answers.GroupBy(_ => 1)
            .Select(g => new { g.Key, Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Courtesy = g.Average(r => (double)r.Courtesy), Speed = g.Average(r => (double)r.Speed), Clarity = g.Average(r => (double)r.Clarity) })
            .SingleOrDefaultAsync(ct);

        var byService = await answers.GroupBy(r => r.ServiceId)
            .Select(g => new { g.Key, Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Courtesy = g.Average(r => (double)r.Courtesy), Speed = g.Average(r => (double)r.Speed), Clarity = g.Average(r => (double)r.Clarity) })
            .OrderByDescending(g => g.Count).Take(MaxGroups).ToListAsync(ct);
        var byChannel = await answers.GroupBy(r => r.Channel)
            .Select(g => new { g.Key, Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Courtesy = g.Average(r => (double)r.Courtesy), Speed = g.Average(r => (double)r.Speed), Clarity = g.Average(r => (double)r.Clarity) })
            .OrderBy(g => g.Key).Take(MaxGroups).ToListAsync(ct);
        var byBranch = await answers.GroupBy(r => r.BranchId)
            .Select(g => new { g.Key, Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Courtesy = g.Average(r => (double)r.Courtesy), Speed = g.Average(r => (double)r.Speed), Clarity = g.Average(r => (double)r.Clarity) })
            .OrderByDescending(g => g.Count).Take(MaxGroups).ToListAsync(ct);
        var byMonth = await answers.GroupBy(r => r.AnsweredMonth)
            .Select(g => new { g.Key, Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Courtesy = g.Average(r => (double)r.Courtesy), Speed = g.Average(r => (double)r.Speed), Clarity = g.Average(r => (double)r.Clarity) })
            .OrderByDescending(g => g.Key).Take(MaxGroups).ToListAsync(ct);

        var serviceIds = byService.Select(g => g.Key).ToList();
        var services = await db.SupportServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.NameAr, s.NameEn }).ToDictionaryAsync(s => s.Id, ct);
        var branchIds = byBranch.Where(g => g.Key != null).Select(g => g.Key!.Value).ToList();
        var branches = await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id))
            .Select(b => new { b.Id, b.NameAr, b.NameEn }).ToDictionaryAsync(b => b.Id, ct);

        var comments = await answers.Where(r => r.Comment != null)
            .OrderByDescending(r => r.AnsweredMonth)
            .Select(r => new SurveyComment(r.AnsweredMonth,
                db.SupportServices.Where(s => s.Id == r.ServiceId).Select(s => s.NameAr).FirstOrDefault(),
                db.SupportServices.Where(s => s.Id == r.ServiceId).Select(s => s.NameEn).FirstOrDefault(),
                r.Overall, r.Comment!, r.BeneficiaryId != null))
            .Take(MaxComments).ToListAsync(ct);

        static SurveyAverages A(int count, double overall, double courtesy, double speed, double clarity) => new(count, overall, courtesy, speed, clarity);
        return new SurveyResults(
            total is null ? new SurveyAverages(0, 0, 0, 0, 0) : A(total.Count, total.Overall, total.Courtesy, total.Speed, total.Clarity),
            byService.Select(g => new SurveyGroup<Guid>(g.Key, services.GetValueOrDefault(g.Key)?.NameAr, services.GetValueOrDefault(g.Key)?.NameEn, A(g.Count, g.Overall, g.Courtesy, g.Speed, g.Clarity))).ToList(),
            byChannel.Select(g => new SurveyGroup<ContactChannel>(g.Key, null, null, A(g.Count, g.Overall, g.Courtesy, g.Speed, g.Clarity))).ToList(),
            byBranch.Select(g => new SurveyGroup<Guid?>(g.Key, g.Key is { } b ? branches.GetValueOrDefault(b)?.NameAr : null, g.Key is { } b2 ? branches.GetValueOrDefault(b2)?.NameEn : null, A(g.Count, g.Overall, g.Courtesy, g.Speed, g.Clarity))).ToList(),
            byMonth.Select(g => new SurveyGroup<DateOnly>(g.Key, null, null, A(g.Count, g.Overall, g.Courtesy, g.Speed, g.Clarity))).ToList(),
            comments);
    }
}
