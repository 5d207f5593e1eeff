using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Account;

public sealed class LoginModel(
    AppDbContext db,
    ILookupNormalizer normalizer,
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

        // The single login page finds the user's association through the platform's sign-in directory,
        // then signs in from a scope bound to that association, so Identity only ever sees its users.
        var email = normalizer.NormalizeEmail(Input.Email.Trim());
        var entry = await db.StaffDirectory.AsNoTracking()
            .Where(d => d.NormalizedEmail == email)
            .Select(d => new { d.TenantId, Suspended = db.Tenants.Any(t => t.Id == d.TenantId && t.IsSuspended) })
            .SingleOrDefaultAsync(ct);
        if (entry is null)
        {
            return Invalid();
        }

        await using var scope = scopes.BeginScope(entry.TenantId);
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            return Invalid();
        }

        if (entry.Suspended)
        {
            ModelState.AddModelError("", l["Your association's account is suspended. Please contact the platform operator."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff user {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.IsLockedOut)
        {
            // Identity's UserManager stamps LockoutEnd with the system clock (it takes no TimeProvider), so the
            // remaining time is measured on the same clock.
            var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - TimeProvider.System.GetUtcNow()).TotalMinutes)) : 15;
            logger.LogWarning("Staff user {UserId} is locked out", user.Id);
            ModelState.AddModelError("", l["Too many failed attempts. The account is locked {0}.", l.Count(Counted.ForMinutes, minutes)]);
            return Page();
        }

        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", l["This account is disabled. Please contact your association's administrator."]);
            return Page();
        }

        return Invalid();
    }

    private string SafeReturnUrl => Url.LocalOr(ReturnUrl, "/");

    private PageResult Invalid()
    {
        // One message for an unknown e-mail and a wrong password: the form does not reveal who has an account.
        ModelState.AddModelError("", l["The e-mail or password is incorrect."]);
        return Page();
    }
}
