using System.Net;
using AngleSharp.Dom;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Errors;

/// <summary>A one-second busy timeout: a test that holds the write lock itself sees the app give up quickly.</summary>
public sealed class ShortBusyTimeoutFactory : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqliteBusyTimeoutSeconds", "1");
    }
}

/// <summary>
/// Issue 13: a write that cannot get the database's lock in time is answered 503 with Retry-After and "the system is
/// busy, nothing was saved, try again" in Arabic — never a 500 — in the layout of the side the user is on. Each test
/// holds SQLite's write lock from a connection of its own for as long as it needs, so the app's wait always ends in
/// the lock error, whatever the machine's load.
/// </summary>
public sealed class DatabaseBusyTests(ShortBusyTimeoutFactory factory) : IClassFixture<ShortBusyTimeoutFactory>
{
    private const string Busy = "النظام مشغول بأعمال أخرى الآن، ولم يُحفظ ما أرسلته. يرجى الانتظار لحظة ثم المحاولة مرة أخرى.";

    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 600000; BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact]
    public async Task Contact_write_while_the_database_is_locked_answers_503_busy_try_again_and_saves_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var form = (await officer.GetDocumentAsync("/Contacts/Create")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[data-testid=contact-form]")!;

        HttpResponseMessage response;
        await using (var _ = await HoldWriteLockAsync())
        {
            response = await officer.SubmitAsync(form, "/Contacts/Create", new Dictionary<string, string>
            {
                ["Input.CallerName"] = "سعد الحربي",
                ["Input.CallerMobile"] = "0559876543",
                ["Input.Channel"] = "Phone",
                ["Input.Direction"] = "Incoming",
                ["Input.Type"] = "Inquiry",
                ["Input.Summary"] = "يسأل عن مواعيد استقبال طلبات الدعم",
            });
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("503", page.QuerySelector("[data-testid=error-code]")!.TextContent);
        Assert.Equal(Busy, page.QuerySelector("[data-testid=error-text]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=portal-home]"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task Portal_lookup_while_the_database_is_locked_answers_503_in_the_portal_layout()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track");

        HttpResponseMessage response;
        await using (var _ = await HoldWriteLockAsync())
        {
            response = await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=portal-home]"));
        Assert.Equal($"/t/{tenant.Slug}", page.QuerySelector("[data-testid=error-page] a.btn")!.GetAttribute("href"));
        Assert.Equal(Busy, page.QuerySelector("[data-testid=error-text]")!.TextContent);
    }
}
