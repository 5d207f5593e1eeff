using System.Net;
using System.Text.Json;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// The leak-test harness (architecture rule 8). Given a signed-in user of the other tenant, a URL that
/// names an entity of the owner tenant and a snapshot of what must not change, it proves the answer is
/// 404 and the owner's data is untouched:
/// <code>
/// await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Admin/Users/Edit/{victimUser.Id}");
/// await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"/Admin/Users/Edit/{id}?handler=Disable",
///     db => db.Users.Where(u => u.Id == id).Select(u => new { u.IsActive, u.SecurityStamp }).SingleAsync());
/// </code>
/// </summary>
public static class TenantLeak
{
    public static async Task AssertGetNotFoundAsync(StaffClient intruder, string url)
    {
        var response = await intruder.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} by another tenant answered {(int)response.StatusCode}, expected 404.");
    }

    public static async Task AssertPostNotFoundAsync<T>(
        AppFactory factory,
        StaffClient intruder,
        Guid ownerTenantId,
        string url,
        Func<Juthuruna.Data.AppDbContext, Task<T>> snapshot,
        IDictionary<string, string>? fields = null)
    {
        var before = JsonSerializer.Serialize(await factory.QueryAsync(ownerTenantId, snapshot));
        var response = await intruder.PostWithTokenAsync(url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} by another tenant answered {(int)response.StatusCode}, expected 404.");
        var after = JsonSerializer.Serialize(await factory.QueryAsync(ownerTenantId, snapshot));
        Assert.Equal(before, after);
    }
}
