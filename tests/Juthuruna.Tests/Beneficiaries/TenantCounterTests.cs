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
}
