using System.ComponentModel.DataAnnotations;
using Juthuruna.Data;
using Juthuruna.Features.Staff;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Account;

/// <summary>The staff sign-in: throttled (<see cref="SignInThrottle"/>), every refusal alike in message and cost (ADR 0023).</summary>
public sealed class LoginModel(
    AppDbContext db,
    ILookupNormalizer normalizer,
    IPasswordHasher<ApplicationUser> hasher,
    SignInCost cost,
    TimeProvider clock,
    TenantScopeFactory scopes,
    IStringLocalizer<SharedResource> l,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Every refusal below costs what a wrong password costs — one password hash, two reads and one write (the audit
        // entry) — and gets the same message, so neither the answer nor its time tells whether the e-mail has an
        // account, or whether it is locked or disabled (ADR 0023).
        var now = clock.GetUtcNow().UtcDateTime;
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();

        // The single login page finds the user's association through the platform's sign-in directory,
        // then signs in from a scope bound to that association, so Identity only ever sees its users.
        var email = normalizer.NormalizeEmail(Input.Email.Trim());
        var entry = await db.StaffDirectory.AsNoTracking()
            .Where(d => d.NormalizedEmail == email)
            .Select(d => new { d.TenantId, d.UserId, Suspended = db.Tenants.Any(t => t.Id == d.TenantId && t.IsSuspended) })
            .SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            cost.Spend(hasher, Input.Password);
            await RecordUnknownAsync(client, now, ct);
            return Refused();
        }

        await using var scope = scopes.BeginScope(entry.TenantId);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var tenantDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await signIn.UserManager.FindByIdAsync(entry.UserId.ToString());
        if (user is null)
        {
            cost.Spend(hasher, Input.Password);
            return Refused();
        }

        // A suspended association, a locked or a disabled account: Identity would answer without hashing (faster than
        // a wrong password) — spend the same hash instead.
        SignInOutcome? refusedBefore = entry.Suspended ? SignInOutcome.AssociationSuspended
            : await signIn.UserManager.IsLockedOutAsync(user) ? SignInOutcome.LockedOut
            : !await signIn.CanSignInAsync(user) ? SignInOutcome.Disabled
            : null;
        if (refusedBefore is { } outcome)
        {
            cost.Spend(hasher, Input.Password);
            tenantDb.AuditEntries.Add(AccountEvents.SignIn(user.Id, false, outcome, Input.Email, client, now));
            await tenantDb.SaveChangesAsync(ct);
            logger.LogWarning("Staff user {UserId} refused: {Outcome}", user.Id, outcome);
            return Refused();
        }

        // Added before the check so that a wrong password's audit entry is saved in Identity's own write of the failed
        // count (one write, like the other refusals); on success it becomes the sign-in's entry.
        var audit = AccountEvents.SignIn(user.Id, false, SignInOutcome.WrongPassword, Input.Email, client, now);
        tenantDb.AuditEntries.Add(audit);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var signedIn = AccountEvents.SignIn(user.Id, true, null, Input.Email, client, now);
            (audit.Action, audit.UserId, audit.Changes) = (signedIn.Action, signedIn.UserId, signedIn.Changes);
        }

        if (tenantDb.Entry(audit).State != EntityState.Unchanged)
        {
            await tenantDb.SaveChangesAsync(ct);
        }

        if (result.Succeeded)
        {
            logger.LogInformation("Staff user {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Staff user {UserId} is locked out", user.Id);
        }

        return Refused();
    }

    /// <summary>
    /// A refused attempt for an e-mail no association has: recorded in the platform's own log (no association can be
    /// told), with the typed e-mail as the only "who" — the same one read and one write as a known account's refusal.
    /// </summary>
    private async Task RecordUnknownAsync(string? client, DateTime now, CancellationToken ct)
    {
        var platformId = await db.Tenants.AsNoTracking().Where(t => t.IsPlatform).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (platformId is not { } id)
        {
            return;
        }

        await using var scope = scopes.BeginScope(id);
        var platformDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        platformDb.AuditEntries.Add(AccountEvents.SignIn(null, false, SignInOutcome.UnknownEmail, Input.Email, client, now));
        await platformDb.SaveChangesAsync(ct);
    }

    private string SafeReturnUrl => Url.LocalOr(ReturnUrl, "/");

    private PageResult Refused()
    {
        // One message for an unknown e-mail, a wrong password, a locked or disabled account and a suspended association:
        // the form does not reveal who has an account (ADR 0023). The administrator sees the reason in the audit log.
        ModelState.AddModelError("", l["The e-mail or password is incorrect, or this account cannot sign in now. If it keeps happening, ask your association's administrator."]);
        return Page();
    }
}
