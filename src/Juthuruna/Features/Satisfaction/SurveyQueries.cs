using Juthuruna.Data;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Services;
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
/// The manager's results of قياس الرضا. The averages are worked out from the maintained monthly summary
/// (<see cref="SurveyTally"/>, ADR 0015: one row per month, service, channel and branch, with the sum of each rating),
/// so a period costs a few hundred rows whatever the number of answers; the comments are read from the answers through
/// the index of the commented ones. Answers carry no staff member, so there is deliberately no way to break them down
/// per employee (the policy: improvement, not punishment).
/// </summary>
public sealed class SurveyQueries(AppDbContext db, ServiceNames serviceNames)
{
    public const int MaxGroups = 100;
    public const int MaxComments = 30;

    /// <param name="from">First month included (any day of it), or null.</param>
    /// <param name="to">Last month included (any day of it), or null.</param>
    public async Task<SurveyResults> ResultsAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var tallies = db.SurveyTallies.AsNoTracking().Where(t => t.Answers > 0);
        var answers = db.SurveyResponses.AsNoTracking();
        if (from is { } f)
        {
            var first = new DateOnly(f.Year, f.Month, 1);
            tallies = tallies.Where(t => t.Month >= first);
            answers = answers.Where(r => r.AnsweredMonth >= first);
        }

        if (to is { } t)
        {
            var last = new DateOnly(t.Year, t.Month, 1);
            tallies = tallies.Where(x => x.Month <= last);
            answers = answers.Where(r => r.AnsweredMonth <= last);
        }

        // The period's summary rows (a month has one per service, channel and branch that was answered) …
        var rows = await tallies
            .Select(x => new Row(x.Month, x.ServiceId, x.Channel, x.BranchId, x.Answers, x.OverallSum, x.CourtesySum, x.SpeedSum, x.ClaritySum))
            .ToListAsync(ct);
        // … and the latest comments, newest month first, through the index of the answers that have one.
        var comments = await answers.Where(r => r.Comment != null)
            .OrderByDescending(r => r.AnsweredMonth).ThenByDescending(r => r.Id)
            .Select(r => new { r.AnsweredMonth, r.ServiceId, r.Overall, Comment = r.Comment!, Named = r.BeneficiaryId != null })
            .Take(MaxComments).ToListAsync(ct);

        var byService = Group(rows, r => r.ServiceId).OrderByDescending(g => g.Averages.Count).ThenBy(g => g.Key).Take(MaxGroups).ToList();
        var byChannel = Group(rows, r => r.Channel).OrderBy(g => g.Key).Take(MaxGroups).ToList();
        var byBranch = Group(rows, r => r.BranchId).OrderByDescending(g => g.Averages.Count).ThenBy(g => g.Key).Take(MaxGroups).ToList();
        var byMonth = Group(rows, r => r.Month).OrderByDescending(g => g.Key).Take(MaxGroups).ToList();

        var services = (await serviceNames.AllAsync(byService.Select(g => g.Key).Concat(comments.Select(c => c.ServiceId)).Distinct().ToList(), ct))
            .ToDictionary(s => s.Id);
        var branchIds = byBranch.Where(g => g.Key != Guid.Empty).Select(g => g.Key).ToList();
        var branches = branchIds.Count == 0
            ? []
            : await db.Branches.AsNoTracking().Where(b => branchIds.Contains(b.Id))
                .Select(b => new { b.Id, b.NameAr, b.NameEn }).ToDictionaryAsync(b => b.Id, ct);

        return new SurveyResults(
            Averages(rows),
            byService.Select(g => new SurveyGroup<Guid>(g.Key, services.GetValueOrDefault(g.Key)?.NameAr, services.GetValueOrDefault(g.Key)?.NameEn, g.Averages)).ToList(),
            byChannel.Select(g => new SurveyGroup<ContactChannel>(g.Key, null, null, g.Averages)).ToList(),
            byBranch.Select(g => g.Key == Guid.Empty
                ? new SurveyGroup<Guid?>(null, null, null, g.Averages)
                : new SurveyGroup<Guid?>(g.Key, branches.GetValueOrDefault(g.Key)?.NameAr, branches.GetValueOrDefault(g.Key)?.NameEn, g.Averages)).ToList(),
            byMonth.Select(g => new SurveyGroup<DateOnly>(g.Key, null, null, g.Averages)).ToList(),
            comments.Select(c => new SurveyComment(c.AnsweredMonth, services.GetValueOrDefault(c.ServiceId)?.NameAr, services.GetValueOrDefault(c.ServiceId)?.NameEn,
                c.Overall, c.Comment, c.Named)).ToList());
    }

    private sealed record Row(DateOnly Month, Guid ServiceId, ContactChannel Channel, Guid BranchId, int Answers, int Overall, int Courtesy, int Speed, int Clarity);

    private static IEnumerable<(TKey Key, SurveyAverages Averages)> Group<TKey>(List<Row> rows, Func<Row, TKey> key) =>
        rows.GroupBy(key).Select(g => (g.Key, Averages(g)));

    /// <summary>Exact averages: the sum of each rating over the number of answers.</summary>
    private static SurveyAverages Averages(IEnumerable<Row> rows)
    {
        int count = 0, overall = 0, courtesy = 0, speed = 0, clarity = 0;
        foreach (var r in rows)
        {
            count += r.Answers;
            overall += r.Overall;
            courtesy += r.Courtesy;
            speed += r.Speed;
            clarity += r.Clarity;
        }

        return count == 0
            ? new SurveyAverages(0, 0, 0, 0, 0)
            : new SurveyAverages(count, (double)overall / count, (double)courtesy / count, (double)speed / count, (double)clarity / count);
    }
}
