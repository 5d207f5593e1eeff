using Juthuruna.Features.Branches;
using Juthuruna.Tenancy;
using Juthuruna.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Tests.Tenancy;

public sealed class TenantIsolationTests
{
    [Fact]
    public async Task Query_other_tenants_rows_are_invisible()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        await AddBranchAsync(database, a, "HQ");
        await AddBranchAsync(database, b, "HQ");

        await using var asA = database.Context(a);
        var visible = await asA.Branches.Select(x => x.TenantId).ToListAsync();

        Assert.Equal([a], visible);
    }

    [Fact]
    public async Task Query_without_tenant_returns_no_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        await AddBranchAsync(database, a, "HQ");

        await using var anonymous = database.Context(null);

        Assert.Equal(0, await anonymous.Branches.CountAsync());
        Assert.Equal(0, await anonymous.Users.CountAsync());
    }

    [Fact]
    public async Task Find_by_primary_key_of_other_tenant_returns_null()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        var branchOfA = await AddBranchAsync(database, a, "HQ");

        await using var asB = database.Context(b);

        Assert.Null(await asB.Branches.SingleOrDefaultAsync(x => x.Id == branchOfA));
    }

    [Fact]
    public async Task SaveChanges_added_entity_is_stamped_with_the_context_tenant()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");

        var id = await AddBranchAsync(database, a, "HQ");

        await using var asA = database.Context(a);
        Assert.Equal(a, (await asA.Branches.SingleAsync(x => x.Id == id)).TenantId);
    }

    [Fact]
    public async Task SaveChanges_added_entity_of_another_tenant_throws_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");

        await using (var asA = database.Context(a))
        {
            asA.Branches.Add(new Branch { TenantId = b, Code = "X", NameAr = "س", NameEn = "X" });
            await Assert.ThrowsAsync<TenantMismatchException>(() => asA.SaveChangesAsync());
        }

        await using var asB = database.Context(b);
        Assert.Equal(0, await asB.Branches.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_without_tenant_refuses_to_add_tenant_owned_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var anonymous = database.Context(null);

        anonymous.Branches.Add(new Branch { Code = "X", NameAr = "س", NameEn = "X" });

        await Assert.ThrowsAsync<TenantMismatchException>(() => anonymous.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_changing_the_tenant_of_a_row_throws_and_the_row_stays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        var id = await AddBranchAsync(database, a, "HQ");

        await using (var asA = database.Context(a))
        {
            var branch = await asA.Branches.SingleAsync(x => x.Id == id);
            branch.TenantId = b;
            await Assert.ThrowsAsync<TenantMismatchException>(() => asA.SaveChangesAsync());
        }

        await using var check = database.Context(a);
        Assert.True(await check.Branches.AnyAsync(x => x.Id == id));
    }

    [Fact]
    public async Task SaveChanges_updating_or_deleting_an_attached_row_of_another_tenant_throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        var id = await AddBranchAsync(database, a, "HQ");

        await using (var asB = database.Context(b))
        {
            // A hand-made entity for A's row, attached to B's unit of work (filters can't stop this one).
            var forged = new Branch { Id = id, TenantId = a, Code = "HQ", NameAr = "مغير", NameEn = "Changed" };
            asB.Branches.Update(forged);
            await Assert.ThrowsAsync<TenantMismatchException>(() => asB.SaveChangesAsync());
            asB.ChangeTracker.Clear();
            asB.Branches.Remove(forged);
            await Assert.ThrowsAsync<TenantMismatchException>(() => asB.SaveChangesAsync());
        }

        await using var asA = database.Context(a);
        Assert.Equal("Head", (await asA.Branches.SingleAsync(x => x.Id == id)).NameEn);
    }

    [Fact]
    public void TenantContext_set_twice_to_another_tenant_throws()
    {
        var context = new TenantContext();
        var first = Guid.NewGuid();
        context.Use(first);
        context.Use(first);

        Assert.Throws<TenantMismatchException>(() => context.Use(Guid.NewGuid()));
        Assert.Equal(first, context.TenantId);
    }

    private static async Task<Guid> AddBranchAsync(TestDatabase database, Guid tenantId, string code)
    {
        await using var db = database.Context(tenantId);
        var branch = new Branch { Code = code, NameAr = "رئيسي", NameEn = "Head" };
        db.Branches.Add(branch);
        await db.SaveChangesAsync();
        return branch.Id;
    }
}
