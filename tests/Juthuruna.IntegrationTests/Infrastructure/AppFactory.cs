using System.Globalization;
using Juthuruna.Data;
using Juthuruna.Features.Staff;
using Juthuruna.Features.Tenants;
using Juthuruna.Identity;
using Juthuruna.Pdf;
using Juthuruna.Tenancy;
using Juthuruna.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// The real application over HTTP, on its own SQLite file (a copy of the process's migrated
/// <see cref="TemplateDatabase"/>, deleted afterwards), with a fake clock. Tests create their own tenants through the
/// real provisioning code. Letters print in the test process's one <see cref="SharedChromium"/> unless a factory changes
/// the letter settings.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-password-1";
    public const string HostAdminEmail = "host@platform.test";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "juthuruna-tests", Guid.NewGuid().ToString("N"));
    private int _tenantCounter;
    private readonly SemaphoreSlim _platformLock = new(1, 1);
    private TestPlatform? _platform;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 18, 7, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_directory, "app.db");

    /// <summary>Uploaded files of this test class (deleted with it).</summary>
    public string StorageRoot => Path.Combine(_directory, "files");

    /// <summary>
    /// Whether letters print in the process's shared Chromium (when the letter settings are this factory's own). A
    /// factory whose tests kill Chromium says no, so no other test class loses its browser mid-print.
    /// </summary>
    protected virtual bool SharesChromium => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // Copied, not migrated: migrating costs seconds of CPU per host, a copy milliseconds (a host made again by
        // WithWebHostBuilder keeps the file its parent already has).
        TemplateDatabase.CopyTo(DatabasePath);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_directory, "keys"));
        builder.UseSetting("Logging:Directory", Path.Combine(_directory, "logs"));
        builder.UseSetting("Storage:Root", StorageRoot);
        // Tests raise the decision window's reminders themselves, at the fake clock's time.
        builder.UseSetting("Notifications:RemindersEnabled", "false");
        // …and run the message dispatcher themselves; messages stay in the local sink unless a test goes live.
        builder.UseSetting("Messaging:DispatcherEnabled", "false");
        builder.UseSetting("Messaging:Mode", "Local");
        // No Chromium per test host: letter tests start the renderer when they print.
        builder.UseSetting("Letters:WarmUpOnStart", "false");
        // Room for every letter a test issues at once (20 in the numbering test): the queue's bound has a test of its own.
        builder.UseSetting("Letters:QueueLimit", SharedChromium.Options.QueueLimit.ToString(CultureInfo.InvariantCulture));
        // Waits far longer than any work takes on a loaded 2-core machine: the 20 s render deadline and the 10 s SQLite
        // busy timeout of production failed tests there (a 500 letterhead preview, "database is locked"). Tests of the
        // deadlines themselves set their own.
        builder.UseSetting("Letters:TimeoutSeconds", SharedChromium.Options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Database:SqliteBusyTimeoutSeconds", "300");
        // The tests of a host sign in hundreds of times from one address (the test server has none) and often as one
        // account: the sign-in throttle would slow and refuse them. Its own tests (SignInThrottleTests) set real limits.
        builder.UseSetting("SignInLimits:ClientBurst", "1000000");
        builder.UseSetting("SignInLimits:ClientPerWindow", "1000000");
        builder.UseSetting("SignInLimits:AccountPerWindow", "1000000");
        builder.ConfigureServices((context, services) =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Every test provisions a tenant with seven users: a cheap hash keeps that fast.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            // Read when the host is built, so a subclass's (or WithWebHostBuilder's) letter settings count.
            if (SharesChromium && SharedChromium.Fits(context.Configuration))
            {
                services.RemoveAll<PdfRenderer>();
                // An instance, not a factory: the host does not dispose what it did not create.
                services.AddSingleton(SharedChromium.Renderer);
            }
        });
    }

    /// <summary>
    /// Every client of this host waits as long as a request takes on a loaded machine (HttpClient's own 100 s could be
    /// shorter than a burst of letters printing under load); a request that works answers long before.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Timeout = TimeSpan.FromMinutes(10);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert on them).</summary>
    public StaffClient CreateStaffClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in a user of a tenant built by <see cref="CreateTenantAsync"/>.</summary>
    public async Task<StaffClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateStaffClient();
        var response = await client.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// A new association with one user per role, e-mails <c>{role}@{slug}.test</c>. Two calls give two
    /// tenants of the same shape: same role names, same local parts, same branch codes.
    /// </summary>
    public async Task<TestTenant> CreateTenantAsync(string? name = null)
    {
        var slug = $"{name ?? "assoc"}-{Interlocked.Increment(ref _tenantCounter)}-{Guid.NewGuid().ToString("N")[..6]}";
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        var (result, tenantId) = await provisioning.CreateAsync(
            new NewTenant(slug, $"جمعية {slug}", $"Association {slug}", "جدة", "0556766873", $"info@{slug}.test", "1234", "TST",
                "مدير النظام", $"{StaffRoles.TenantAdmin.ToLowerInvariant()}@{slug}.test", Password),
            CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));

        var users = new Dictionary<string, TestUser>
        {
            [StaffRoles.TenantAdmin] = await FindUserAsync(tenantId!.Value, $"{StaffRoles.TenantAdmin.ToLowerInvariant()}@{slug}.test"),
        };
        await InTenantAsync(tenantId.Value, async sp =>
        {
            var accounts = sp.GetRequiredService<StaffAccounts>();
            foreach (var role in StaffRoles.AssociationRoles.Where(r => r != StaffRoles.TenantAdmin))
            {
                var email = $"{role.ToLowerInvariant()}@{slug}.test";
                var (created, userId) = await accounts.CreateAsync(new NewStaffUser($"موظف {role}", email, Password, [role], null), CancellationToken.None);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
                users[role] = new TestUser(userId!.Value, email, role);
            }
        });
        return new TestTenant(tenantId.Value, slug, users);
    }

    /// <summary>
    /// The platform tenant with its host administrator (<see cref="HostAdminEmail"/>), created once per
    /// factory through the same core method the demo seed uses.
    /// </summary>
    public async Task<TestPlatform> CreateHostAdminAsync()
    {
        await _platformLock.WaitAsync();
        try
        {
            if (_platform is not null)
            {
                return _platform;
            }

            await using var scope = Services.CreateAsyncScope();
            var (result, platformId) = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreatePlatformAsync(
                new NewPlatform("platform", "منصة جذورنا", "Juthuruna platform", "مشغل المنصة", HostAdminEmail, Password),
                CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            var hostAdminId = await QueryAsync(platformId!.Value, db => db.Users.AsNoTracking().Select(u => u.Id).SingleAsync());
            _platform = new TestPlatform(platformId.Value, new TestUser(hostAdminId, HostAdminEmail, StaffRoles.HostAdmin));
            return _platform;
        }
        finally
        {
            _platformLock.Release();
        }
    }

    /// <summary>Runs code inside a DI scope bound to a tenant, as background work does.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().BeginScope(tenantId);
        return await work(scope.ServiceProvider);
    }

    public async Task InTenantAsync(Guid tenantId, Func<IServiceProvider, Task> work) =>
        await InTenantAsync(tenantId, async sp =>
        {
            await work(sp);
            return true;
        });

    /// <summary>Reads the database as the tenant sees it (fresh context, no tracking).</summary>
    public Task<T> QueryAsync<T>(Guid tenantId, Func<AppDbContext, Task<T>> query) =>
        InTenantAsync(tenantId, sp => query(sp.GetRequiredService<AppDbContext>()));

    private Task<TestUser> FindUserAsync(Guid tenantId, string email) =>
        QueryAsync(tenantId, async db =>
        {
            var normalized = email.ToUpperInvariant();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
            return new TestUser(user.Id, email, StaffRoles.TenantAdmin);
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _platformLock.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be held by the host's logger; the OS temp cleaner will get it.
            }
        }
    }
}

public sealed record TestUser(Guid Id, string Email, string Role);

public sealed record TestPlatform(Guid Id, TestUser HostAdmin);

public sealed record TestTenant(Guid Id, string Slug, IReadOnlyDictionary<string, TestUser> Users)
{
    public TestUser Admin => Users[StaffRoles.TenantAdmin];

    public TestUser User(string role) => Users[role];
}
