using Juthuruna.Data;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Counters;

/// <summary>
/// A named, gapless per-association sequence (beneficiary file numbers, request numbers per Hijri year, …).
/// </summary>
public sealed class TenantCounter : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public long Value { get; set; }
}

public static class TenantCounters
{
    /// <summary>
    /// The next value of <paramref name="name"/> for the context's tenant. Call it inside the transaction
    /// that saves the numbered row: the UPDATE locks the counter until commit, and a rollback gives the
    /// number back, so numbers are gapless.
    /// </summary>
    public static async Task<long> NextAsync(AppDbContext db, string name, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A counter is incremented inside the transaction that uses the number.");
        }

        if (await IncrementAsync(db, name, ct))
        {
            return await CurrentAsync(db, name, ct);
        }

        var counter = new TenantCounter { Name = name, Value = 1 };
        db.TenantCounters.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateException)
        {
            // Another transaction may have created the counter between our UPDATE and INSERT (possible on
            // SQL Server, whose UPDATE of a missing row locks nothing): the unique index refused ours and only
            // that statement was rolled back. The UPDATE now waits for their commit and takes the next value.
            db.Entry(counter).State = EntityState.Detached;
            if (await IncrementAsync(db, name, ct))
            {
                return await CurrentAsync(db, name, ct);
            }

            throw;
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive values and returns the first (a batch of imported files numbered in
    /// one go). Same rule as <see cref="NextAsync"/>: inside the transaction that saves the numbered rows.
    /// </summary>
    public static async Task<long> ReserveAsync(AppDbContext db, string name, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var first = await NextAsync(db, name, ct);
        if (count > 1)
        {
            await db.TenantCounters.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + (count - 1)), ct);
        }

        return first;
    }

    private static async Task<bool> IncrementAsync(AppDbContext db, string name, CancellationToken ct) =>
        await db.TenantCounters.Where(c => c.Name == name).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct) > 0;

    private static Task<long> CurrentAsync(AppDbContext db, string name, CancellationToken ct) =>
        db.TenantCounters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).SingleAsync(ct);
}
