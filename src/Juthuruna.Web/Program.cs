using Juthuruna;
using Juthuruna.Data;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
    .WriteTo.File(
        new CompactJsonFormatter(),
        Path.Combine(context.Configuration.GetValue("Logging:Directory", "App_Data/logs")!, "juthuruna-.json"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 31),
    // Each host owns its logger (not the static Log.Logger): test hosts running side by side must not
    // close each other's sinks when one of them stops.
    preserveStaticLogger: true);

builder.Services.AddJuthurunaCore();
builder.Services.Configure<Juthuruna.Features.Files.StorageOptions>(builder.Configuration.GetSection("Storage"));
builder.Services.PostConfigure<Juthuruna.Features.Files.StorageOptions>(o => o.Root = Path.Combine(builder.Environment.ContentRootPath, o.Root));
// A too-large file reaches FileStorage (the size message beside the field, the form kept); only far larger bodies are cut off.
builder.AddUploadLimits();
builder.Services.AddJuthurunaDatabase(builder.Configuration);
// Opening a file queues its "Viewed" row; this writes them in batches off the request path (ADR 0013).
builder.Services.Configure<Juthuruna.Features.Audit.AccessLogOptions>(builder.Configuration.GetSection("AccessLog"));
builder.Services.AddHostedService<AccessLogWriter>();
// Which reverse proxies may say who the client is (the portal's per-client limits count that address).
builder.Services.AddTrustedForwardedHeaders(builder.Configuration);
// The decision window's reminders (per association, in its own tenant scope); a singleton so tests can run one pass.
builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Notifications"));
builder.Services.AddSingleton<DecisionWindowMonitor>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DecisionWindowMonitor>());
// Messages (e-mail, SMS) of the outbox: sent live or kept by the local sink (Messaging:Mode), per association.
builder.Services.Configure<Juthuruna.Features.Notifications.Messaging.MessagingOptions>(builder.Configuration.GetSection("Messaging"));
builder.Services.AddSingleton<MessageDispatcher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<MessageDispatcher>());
// PDF letters: Chromium is launched in the background at start-up; without it only letters are unavailable.
builder.Services.Configure<Juthuruna.Pdf.LetterOptions>(builder.Configuration.GetSection("Letters"));
builder.Services.AddHostedService<PdfRendererWarmUp>();
// Imports of an association's records: run in the background, one batch per short transaction (issue 15).
builder.Services.Configure<Juthuruna.Features.Import.ImportOptions>(builder.Configuration.GetSection("Import"));
builder.Services.AddHostedService<ImportRunner>();
// After a restart: imports left running are marked interrupted, queued ones run (a singleton so tests run one pass).
builder.Services.AddSingleton<ImportRecovery>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportRecovery>());
builder.Services.AddStaffIdentity();
// Staff sign-in: slowed down then refused per client address and per account; every refusal costs one hash (ADR 0023).
builder.Services.AddSignInThrottle(builder.Configuration);
builder.Services.AddSingleton<SignInCost>();
builder.Services.AddJuthurunaLocalization();
builder.Services.AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/Admin", StaffIdentitySetup.TenantAdminPolicy);
        options.Conventions.AuthorizeFolder("/Host", StaffIdentitySetup.HostAdminPolicy);
        options.Conventions.AuthorizeFolder("/Beneficiaries", StaffIdentitySetup.BeneficiaryReadersPolicy);
        // Files hang off beneficiaries (and later support requests): the same readers may download them.
        options.Conventions.AuthorizeFolder("/Files", StaffIdentitySetup.BeneficiaryReadersPolicy);
        options.Conventions.AuthorizePage("/Beneficiaries/Create", StaffIdentitySetup.BeneficiaryWritersPolicy);
        options.Conventions.AuthorizePage("/Beneficiaries/Edit", StaffIdentitySetup.BeneficiaryWritersPolicy);
        options.Conventions.AuthorizeFolder("/Requests", StaffIdentitySetup.BeneficiaryReadersPolicy);
        options.Conventions.AuthorizeFolder("/Contacts", StaffIdentitySetup.BeneficiaryReadersPolicy);
        options.Conventions.AuthorizePage("/Contacts/Create", StaffIdentitySetup.BeneficiaryWritersPolicy);
        options.Conventions.AuthorizePage("/Contacts/Link", StaffIdentitySetup.BeneficiaryWritersPolicy);
        options.Conventions.AuthorizeFolder("/Committee", StaffIdentitySetup.CommitteeReadersPolicy);
        options.Conventions.AuthorizeFolder("/Letters", StaffIdentitySetup.LetterReadersPolicy);
        options.Conventions.AuthorizeFolder("/Satisfaction", StaffIdentitySetup.SatisfactionReadersPolicy);
        options.Conventions.AuthorizeFolder("/Import", StaffIdentitySetup.ImportersPolicy);
        options.Conventions.AuthorizeFolder("/Feedback", StaffIdentitySetup.FeedbackHandlersPolicy);
        options.Conventions.AuthorizeFolder("/Policies", StaffIdentitySetup.PolicyReadersPolicy);
        options.Conventions.AuthorizeFolder("/Reports", StaffIdentitySetup.ReportReadersPolicy);
        options.Conventions.AuthorizePage("/Policies/Create", StaffIdentitySetup.TenantAdminPolicy);
        options.Conventions.AuthorizePage("/Policies/Edit", StaffIdentitySetup.TenantAdminPolicy);
        // The QR code on every letter opens /verify/{code}: anyone holding the letter may check it.
        options.Conventions.AllowAnonymousToFolder("/Verify");
        // The beneficiaries' portal (/t/{slug}/…): no staff account; its pages check the portal session themselves.
        options.Conventions.AllowAnonymousToFolder("/Portal");
        options.Conventions.AllowAnonymousToFolder("/Errors");
        options.Conventions.AllowAnonymousToPage("/Account/Login");
        options.Conventions.AllowAnonymousToPage("/Culture");
    })
    .AddMvcOptions(options =>
    {
        options.Filters.Add<NotFoundPageFilter>();
        options.Filters.Add<MalformedRequestFilter>();
        options.ModelBinderProviders.Insert(0, new ArabicDigitsModelBinderProvider());
        options.ModelBinderProviders.Insert(0, new UserTextModelBinderProvider());
        options.ModelBinderProviders.Insert(0, new MachineValueModelBinderProvider());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, ModelBindingMessages>();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
builder.Services.AddAntiforgery(o => o.Cookie.Name = "juthuruna.af");
// Transport (issue 17, item 12; ADR 0023): every cookie Secure on HTTPS — antiforgery, TempData, culture, sign-in and
// any later one — and, outside Development, HSTS for a year including subdomains.
builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});
// Arabic text is written as text, not as &#x...; entities (smaller pages, readable source).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
// Keys outlive restarts so sign-in cookies do; several web nodes share one directory; encrypted at rest with a certificate.
var dataProtection = builder.Services.AddJuthurunaDataProtection(builder.Configuration, Directory.GetCurrentDirectory());

var app = builder.Build();
if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(dataProtection.CertificatePath))
{
    app.Logger.LogWarning("DataProtection:CertificatePath is not set: the data-protection keys in {Directory} are stored unencrypted (docs/operations.md)", dataProtection.KeysDirectory);
}

await app.PrepareDatabaseAsync();

// First: everything after it (HSTS, logging, the portal's limits) sees the client's address and scheme.
app.UseForwardedHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Errors/500",
    // A request the server refused to read (too large, malformed) is the client's 4xx, not our 500; a write that
    // could not get the database's lock in time was rolled back: 503 "busy, try again" (DatabaseBusy).
    StatusCodeSelector = DatabaseBusy.StatusFor,
});
app.UseStatusCodePagesWithReExecute("/Errors/{0}");
app.UseSecurityHeaders();
app.UseCookiePolicy();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseSignInThrottle();
app.UseMiddleware<PortalTenantMiddleware>();
app.UseAuthentication();
app.UseMiddleware<LogContextMiddleware>();
app.UseSerilogRequestLogging(o =>
{
    o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>(); // this host's logger, not the static one
});
app.UseAuthorization();
app.UseMiddleware<UploadLimitMiddleware>();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
