using Juthuruna.Data;
using Juthuruna.Features.Letters;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>
/// A file's requests (newest first), the registrations they led to and the letters written about them.
/// <see cref="Letters"/> is null for a role that does not read the correspondence register.
/// </summary>
/// <param name="MoreRequests">The file has older requests than those shown (their registrations and letters are not read either).</param>
public sealed record FileHistory(IReadOnlyList<QueueItem> Requests, IReadOnlyList<RegistrationItem> Registrations, IReadOnlyList<LetterRow>? Letters, bool MoreRequests);

/// <summary>
/// The history shown on a beneficiary's file, read in one statement through the person's own requests: each request
/// with its registration and its letters (index <c>Letters (TenantId, SubjectId, …)</c>), never by walking the
/// association's register (measured at a million requests: 10.7 s → ~1 ms; docs/benchmarks.md).
/// </summary>
public sealed class FileHistoryQueries(AppDbContext db)
{
    /// <summary>
    /// The latest requests shown on a file at first, with their registrations and letters; a file with more has a
    /// "show all" link (issue 13: the busiest file has 212 requests, and the page showed 50 with every letter, ~117 KB).
    /// A request's letters are not cut: the workflow writes a handful per request (one per kind, plus corrections), and
    /// a cut inside the statement becomes a window function over the association's whole register (measured: ~110 ms at
    /// 10k requests).
    /// </summary>
    public const int ShownRequests = 10;

    /// <summary>"Show all": still bounded, read through the index (TenantId, BeneficiaryId, CreatedAtUtc).</summary>
    public const int MaxRequests = 500;

    public async Task<FileHistory> ForBeneficiaryAsync(Guid beneficiaryId, bool withLetters, bool all, CancellationToken ct)
    {
        var limit = all ? MaxRequests : ShownRequests;
        var letterRow = LetterQueries.Row(db);
        var requests =
            from r in db.SupportRequests.AsNoTracking()
                .Where(r => r.BeneficiaryId == beneficiaryId)
                .OrderByDescending(r => r.CreatedAtUtc)
                .Take(limit + 1)
            join g in db.Registrations on r.Id equals g.RequestId into registrations
            from g in registrations.DefaultIfEmpty()
            select new
            {
                r.Id,
                Request = new QueueItem(r.Id, r.Number, r.State, "", "", r.ServiceId, r.Channel, r.CreatedAtUtc, r.DecisionDueOn, r.UpdatedAtUtc),
                Registration = g == null
                    ? null
                    : new RegistrationItem(
                        g.Id, g.RequestId, r.Number, g.BeneficiaryNumber, g.EligibleFrom, g.EligibleTo, g.ApprovedServiceIds, g.ApprovedAmountHalalas,
                        db.Users.Where(u => u.Id == g.RegisteredBy).Select(u => u.FullName).FirstOrDefault() ?? "—",
                        g.RegisteredAtUtc),
            };

        // Two shapes rather than a condition inside the statement: a role that does not read the register does not load letters.
        var rows = withLetters
            ? await requests.Select(x => new Row(x.Request, x.Registration, db.Letters
                    .Where(l => l.SubjectId == x.Id && l.Status == LetterStatus.Issued)
                    .Select(letterRow)
                    .ToList()))
                .AsSingleQuery()
                .ToListAsync(ct)
            : await requests.Select(x => new Row(x.Request, x.Registration, new List<LetterRow>())).ToListAsync(ct);

        // One row more than shown tells whether older requests exist; it is the oldest, dropped with what hangs off it.
        var shown = rows.OrderByDescending(x => x.Request.CreatedAtUtc).ThenByDescending(x => x.Request.Id).Take(limit).ToList();
        return new FileHistory(
            shown.Select(x => x.Request).ToList(),
            shown.Where(x => x.Registration is not null).Select(x => x.Registration!).OrderByDescending(g => g.RegisteredAtUtc).ThenByDescending(g => g.Id).ToList(),
            withLetters
                ? shown.SelectMany(x => x.Letters).OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.Number, StringComparer.Ordinal).ToList()
                : null,
            rows.Count > limit);
    }

    private sealed record Row(QueueItem Request, RegistrationItem? Registration, List<LetterRow> Letters);
}
