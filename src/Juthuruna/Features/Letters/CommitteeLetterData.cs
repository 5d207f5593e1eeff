using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Letters;

/// <summary>The committee's decision on a request as the decision letters quote it: session, date, reasons, services, amount.</summary>
public sealed record CommitteeLetterData(string SessionNumber, DateOnly HeldOn, string? Reasons, IReadOnlyList<Guid> ApprovedServiceIds, long? ApprovedAmountHalalas)
{
    /// <summary>
    /// The latest decided agenda item of the request with <paramref name="decision"/>, or null. The latest, because a
    /// request can come back to the committee after a deferral: only the last decision is the one being announced.
    /// </summary>
    public static async Task<CommitteeLetterData?> LatestAsync(AppDbContext db, Guid requestId, CommitteeDecision decision, CancellationToken ct)
    {
        var row = await db.AgendaItems.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.Status == Committee.AgendaItemStatus.Decided && i.Decision == decision && i.DecidedAtUtc != null)
            .Join(db.CommitteeSessions, i => i.SessionId, s => s.Id, (i, s) => new { i.DecidedAtUtc, s.Number, s.HeldOn, i.Reasons, i.ApprovedServiceIds, i.ApprovedAmountHalalas })
            .OrderByDescending(x => x.DecidedAtUtc)
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new CommitteeLetterData(row.Number, row.HeldOn, row.Reasons, row.ApprovedServiceIds, row.ApprovedAmountHalalas);
    }

    /// <summary>The services' names in the letter's language, in the order given (the order the committee chose them).</summary>
    public static async Task<IReadOnlyList<string>> ServiceNamesAsync(AppDbContext db, IReadOnlyList<Guid> serviceIds, CancellationToken ct)
    {
        var ids = serviceIds.Distinct().ToList();
        var names = await db.SupportServices.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.NameAr, s.NameEn }).ToDictionaryAsync(s => s.Id, ct);
        return ids.Where(names.ContainsKey).Select(id => RequestLetterData.LocalName(names[id].NameAr, names[id].NameEn)).ToList();
    }
}
