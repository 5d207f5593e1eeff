using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>
/// An identity number that is already in another file of the association: as that file's holder
/// (<see cref="IsHolder"/>) or as one of its household members. <see cref="Name"/> is the person as that file names them.
/// </summary>
public sealed record HouseholdMatch(string IdentityNumber, string Name, bool IsHolder, Guid FileId, string FileNumber, string HolderName);

/// <summary>
/// Where else a person is counted: a wife listed on her husband's file who opens her own, or a son listed in two
/// households, lets the family receive twice. One lookup for every place that takes identity numbers — the
/// beneficiary form (holder and members), the portal's application and the request intake.
/// </summary>
public sealed class HouseholdOverlaps(AppDbContext db)
{
    /// <summary>The people of file <paramref name="fileId"/> (holder and members) who are counted in another file too.</summary>
    public async Task<IReadOnlyList<HouseholdMatch>> ForFileAsync(Guid fileId, CancellationToken ct)
    {
        var file = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == fileId)
            .Select(b => new { b.IdentityNumber, Members = b.HouseholdMembers.Select(m => m.IdentityNumber).ToList() })
            .SingleOrDefaultAsync(ct);
        return file is null ? [] : await FindAsync(file.Members.Prepend(file.IdentityNumber), fileId, ct);
    }

    /// <summary>Files other than <paramref name="exceptFile"/> that hold any of <paramref name="identityNumbers"/> (normalised) as holder or member.</summary>
    public async Task<IReadOnlyList<HouseholdMatch>> FindAsync(IEnumerable<string?> identityNumbers, Guid? exceptFile, CancellationToken ct)
    {
        var ids = identityNumbers.Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var asMembers = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.Id != exceptFile)
            .SelectMany(b => b.HouseholdMembers.Where(m => m.IdentityNumber != null && ids.Contains(m.IdentityNumber)), (b, m) => new HouseholdMatch(
                m.IdentityNumber!, m.Name, false, b.Id, b.FileNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName))
            .Take(50)
            .ToListAsync(ct);
        var asHolders = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.Id != exceptFile && ids.Contains(b.IdentityNumber))
            .Select(b => new HouseholdMatch(
                b.IdentityNumber, b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, true, b.Id, b.FileNumber,
                b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName))
            .Take(50)
            .ToListAsync(ct);
        return asHolders.Concat(asMembers).OrderBy(m => m.FileNumber, StringComparer.Ordinal).ThenBy(m => m.IdentityNumber, StringComparer.Ordinal).ToList();
    }
}
