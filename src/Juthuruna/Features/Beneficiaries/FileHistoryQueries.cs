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
public sealed record FileHistory(IReadOnlyList<QueueItem> Requests, IReadOnlyList<RegistrationItem> Registrations, IReadOnlyList<LetterRow>? Letters);

/// <summary>
/// The history shown on a beneficiary's file, read in one statement through the person's own requests: each request
/// with its registration and its letters (index <c>Letters (TenantId, SubjectId, …)</c>), never by walking the
/// association's register (measured at a million requests: 10.7 s → ~1 ms; docs/benchmarks.md).
/// </summary>
public sealed class FileHistoryQueries(AppDbContext db)
{
    /// <summary>
    /// The latest requests shown. A request's letters are not cut: the workflow writes a handful per request (one per
    /// kind, plus corrections), and a cut inside the statement becomes a window function over the association's whole
    /// register (measured: ~110 ms at 10k requests).
    /// </summary>
    public const int MaxRequests = 50;

    public async Task<FileHistory> ForBeneficiaryAsync(Guid beneficiaryId, bool withLetters, CancellationToken ct)
    {
        var letterRow = LetterQueries.Row(db);
        var requests =
            from r in db.SupportRequests.AsNoTracking()
                .Where(r => r.BeneficiaryId == beneficiaryId)
                .OrderByDescending(r => r.CreatedAtUtc)
                .Take(MaxRequests)
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

        return new FileHistory(
            rows.Select(x => x.Request).OrderByDescending(x => x.CreatedAtUtc).ToList(),
            rows.Where(x => x.Registration is not null).Select(x => x.Registration!).OrderByDescending(g => g.RegisteredAtUtc).ThenByDescending(g => g.Id).ToList(),
            withLetters
                ? rows.SelectMany(x => x.Letters).OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.Number, StringComparer.Ordinal).ToList()
                : null);
    }

    private sealed record Row(QueueItem Request, RegistrationItem? Registration, List<LetterRow> Letters);
}
