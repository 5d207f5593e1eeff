using Juthuruna.Features.Counters;
using Juthuruna.Tests.Data;

namespace Juthuruna.Tests.Beneficiaries;

public sealed class TenantCounterTests
{
    [Fact]
    public async Task Counter_is_per_tenant_and_a_rolled_back_number_is_given_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");

        async Task<long> NextAsync(Guid tenant, bool commit)
        {
            await using var db = database.Context(tenant);
            await using var tx = await db.Database.BeginTransactionAsync();
            var value = await TenantCounters.NextAsync(db, "Test", CancellationToken.None);
            if (commit)
            {
                await tx.CommitAsync();
            }

            return value;
        }

        Assert.Equal(1, await NextAsync(a, commit: true));
        Assert.Equal(2, await NextAsync(a, commit: true));
        Assert.Equal(3, await NextAsync(a, commit: false));
        Assert.Equal(3, await NextAsync(a, commit: true)); // gapless: the rolled-back 3 is reused
        Assert.Equal(1, await NextAsync(b, commit: true));
    }

    [Fact]
    public async Task Counter_outside_a_transaction_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenant = await database.AddTenantAsync("t");
        await using var db = database.Context(tenant);

        await Assert.ThrowsAsync<InvalidOperationException>(() => TenantCounters.NextAsync(db, "Test", CancellationToken.None));
    }

    [Fact]
    public async Task Counter_created_by_many_first_users_at_once_gives_each_a_different_number()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenant = await database.AddTenantAsync("t");

        async Task<long> NextAsync()
        {
            await using var db = database.Context(tenant);
            await using var tx = await db.Database.BeginTransactionAsync();
            var value = await TenantCounters.NextAsync(db, "NewYear", CancellationToken.None);
            await tx.CommitAsync();
            return value;
        }

        var values = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(NextAsync)));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), values.Order());
    }

    [Fact]
    public async Task Counter_a_duplicate_insert_refused_by_the_unique_index_leaves_the_transaction_able_to_take_the_next_number()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenant = await database.AddTenantAsync("t");
        await using (var winner = database.Context(tenant))
        {
            winner.TenantCounters.Add(new TenantCounter { Name = "Race", Value = 1 });
            await winner.SaveChangesAsync();
        }

        // What the loser of a first-insert race meets: its INSERT is refused, yet its transaction goes on (the recovery path relies on it).
        await using var db = database.Context(tenant);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.TenantCounters.Add(new TenantCounter { Name = "Race", Value = 1 });
        var refused = await Assert.ThrowsAnyAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        Assert.NotNull(refused);
        Assert.Equal(2, await TenantCounters.NextAsync(db, "Race", CancellationToken.None));
    }
}
