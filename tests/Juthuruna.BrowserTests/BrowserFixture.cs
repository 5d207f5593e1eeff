using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Juthuruna.BrowserTests;

/// <summary>
/// One app on a real Kestrel port (fresh SQLite file, demo data seeded) and one Debian Chromium for the
/// whole browser-test collection; each test gets its own browser context, so cookies never leak between tests.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Generous for a 2-core CI machine kept busy by other work (30 s was not: a page that prints a letter took longer);
    /// a healthy page answers in well under a second, and waits end as soon as what they wait for is there.
    /// </summary>
    public const float TimeoutMs = 120_000;

    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly string tempDir = Path.Combine(Path.GetTempPath(), "juthuruna-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private JuthurunaAppFactory? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ScreenshotsDir { get; } = ResolveScreenshotsDir();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium). " +
                "The tests never download a browser.");
        }

        Directory.CreateDirectory(tempDir);
        Directory.CreateDirectory(ScreenshotsDir);

        app = new JuthurunaAppFactory(tempDir);
        app.UseKestrel(0); // a free port chosen by the OS: parallel runs never collide
        app.StartServer();
        BaseAddress = app.ClientOptions.BaseAddress;

        playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = TimeoutMs,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) with a desktop viewport wide enough for the expanded navbar.</summary>
    /// <param name="phone">A phone-sized, touch screen (the beneficiaries' portal is read on phones first).</param>
    public async Task<IBrowserContext> NewContextAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    public string ScreenshotPath(string name) => Path.Combine(ScreenshotsDir, name + ".png");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(tempDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a green run over it.
        }
    }

    /// <summary><c>SCREENSHOTS_DIR</c> if set, else <c>artifacts/screenshots</c> at the repository root (git-ignored).</summary>
    private static string ResolveScreenshotsDir()
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Juthuruna.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    }

    private sealed class JuthurunaAppFactory(string tempDir) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // UseSetting, not ConfigureAppConfiguration: Program reads these while building the services.
            builder.UseEnvironment("Development");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(tempDir, "juthuruna.db")}");
            builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(tempDir, "keys"));
            builder.UseSetting("Logging:Directory", Path.Combine(tempDir, "logs"));
            // Production's 20 s per letter and 10 s per SQLite lock wait are too short for a 2-core machine busy with
            // other work; the journeys are about what a user sees, and working code ends long before these bounds.
            builder.UseSetting("Letters:TimeoutSeconds", "300");
            builder.UseSetting("Database:SqliteBusyTimeoutSeconds", "300");
            // The journeys sign the demo users in far more often than the sign-in throttle lets one address or account
            // (ADR 0023); its limits have their own integration tests.
            builder.UseSetting("SignInLimits:ClientBurst", "1000000");
            builder.UseSetting("SignInLimits:ClientPerWindow", "1000000");
            builder.UseSetting("SignInLimits:AccountPerWindow", "1000000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
