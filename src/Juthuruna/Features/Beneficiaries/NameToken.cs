using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Beneficiaries;

/// <summary>
/// One search token (<see cref="ArabicSearch.Tokens"/>) of a file holder's name or of one household member's, so a
/// name search seeks an index instead of reading every file (issue 13: a name nobody has read all 100,000 files).
/// Derived data: kept by <see cref="NameTokenIndex.SyncAsync"/> on every save of a file, rebuilt from
/// <c>SearchKey</c> by the migration that introduced it.
/// </summary>
public sealed class NameToken : ITenantOwned
{
    public const int MaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid BeneficiaryId { get; set; }

    /// <summary>The household member the token names; null for the file holder.</summary>
    public Guid? MemberId { get; set; }

    public required string Token { get; set; }

    /// <summary>
    /// The file's number (copied from <see cref="Beneficiary.FileNumber"/>, which never changes once given): the search's
    /// order inside one token, so a common name is read from the index in the page's order and stops after the page.
    /// </summary>
    public string FileNumber { get; set; } = "";
}

internal sealed class NameTokenConfiguration : IEntityTypeConfiguration<NameToken>
{
    public void Configure(EntityTypeBuilder<NameToken> builder)
    {
        builder.Property(t => t.Token).HasMaxLength(NameToken.MaxLength);
        builder.Property(t => t.FileNumber).HasMaxLength(20);
        // The search walks this in the page's order: tokens starting with what was typed (the exact word first, then
        // longer ones in order), each token's files newest first; it stops after the page's rows.
        builder.HasIndex(t => new { t.TenantId, t.Token, t.FileNumber, t.BeneficiaryId, t.MemberId })
            .IsDescending(false, false, true, false, false);
        // A file's (or member's) own tokens: the rewrite on save, and "does this file also have a token starting with …"
        // for the other words of a search.
        builder.HasIndex(t => new { t.TenantId, t.BeneficiaryId, t.MemberId, t.Token });
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(t => t.BeneficiaryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NameTokenIndex
{
    /// <summary>
    /// Rewrites the tokens of every file whose holder's or members' search key changes in this unit of work, inside
    /// the same SaveChanges (one read of the old tokens when an existing file changed). Called by
    /// <see cref="AppDbContext"/> before it saves, so every writer — the desk, the portal, an import — keeps them.
    /// </summary>
    internal static async Task SyncAsync(AppDbContext db, CancellationToken ct)
    {
        var changed = new Dictionary<Guid, Beneficiary>();
        foreach (var entry in db.ChangeTracker.Entries<Beneficiary>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && (entry.Property(b => b.SearchKey).IsModified || entry.Property(b => b.FileNumber).IsModified)))
            {
                changed[entry.Entity.Id] = entry.Entity;
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<HouseholdMember>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Property(m => m.SearchKey).IsModified))
            {
                var ownerId = (Guid)entry.Property("BeneficiaryId").CurrentValue!;
                if (!changed.ContainsKey(ownerId) && db.ChangeTracker.Entries<Beneficiary>().FirstOrDefault(b => b.Entity.Id == ownerId) is { } owner)
                {
                    changed[ownerId] = owner.Entity;
                }
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var existingIds = changed.Values.Where(b => db.Entry(b).State != EntityState.Added).Select(b => b.Id).ToList();
        if (existingIds.Count > 0)
        {
            db.NameTokens.RemoveRange(await db.NameTokens.Where(t => existingIds.Contains(t.BeneficiaryId)).ToListAsync(ct));
        }

        foreach (var beneficiary in changed.Values.Where(b => db.Entry(b).State != EntityState.Deleted))
        {
            db.NameTokens.AddRange(For(beneficiary));
        }
    }

    /// <summary>The tokens of a file: the holder's search key, then each member's (deduplicated per person).</summary>
    public static IEnumerable<NameToken> For(Beneficiary beneficiary) =>
        Split(beneficiary.SearchKey).Select(token => new NameToken { TenantId = beneficiary.TenantId, BeneficiaryId = beneficiary.Id, FileNumber = beneficiary.FileNumber, Token = token })
            .Concat(beneficiary.HouseholdMembers.SelectMany(m => Split(m.SearchKey)
                .Select(token => new NameToken { TenantId = beneficiary.TenantId, BeneficiaryId = beneficiary.Id, FileNumber = beneficiary.FileNumber, MemberId = m.Id, Token = token })));

    private static IEnumerable<string> Split(string searchKey) =>
        searchKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Length > NameToken.MaxLength ? t[..NameToken.MaxLength] : t).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The tokens that start with <paramref name="prefix"/>, as an index seek on both providers: SQLite's LIKE cannot use
    /// a case-sensitive index, so it gets the equivalent range; SQL Server seeks on <c>LIKE 'prefix%'</c> itself.
    /// </summary>
    public static IQueryable<NameToken> StartingWith(AppDbContext db, string prefix)
    {
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            var upper = prefix + char.MaxValue;
            return db.NameTokens.Where(t => t.Token.CompareTo(prefix) >= 0 && t.Token.CompareTo(upper) < 0);
        }

        return db.NameTokens.Where(t => t.Token.StartsWith(prefix));
    }
}
