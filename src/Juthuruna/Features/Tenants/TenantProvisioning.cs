using FluentValidation;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Staff;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Juthuruna.Features.Tenants;

public sealed record NewTenant(
    string Slug,
    string NameAr,
    string NameEn,
    string? City,
    string? Phone,
    string? Email,
    string? LicenceNumber,
    string NumberPrefix,
    string AdminFullName,
    string AdminEmail,
    string AdminPassword);

/// <summary>The operator's own tenant and its first host administrator.</summary>
public sealed record NewPlatform(string Slug, string NameAr, string NameEn, string OperatorFullName, string OperatorEmail, string OperatorPassword);

public sealed class NewTenantValidator : AbstractValidator<NewTenant>
{
    public NewTenantValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Slug).NotEmpty().WithMessage(l["Enter the short name used in links."])
            .Matches("^[a-z][a-z0-9-]{1,48}[a-z0-9]$").WithMessage(l["Use 3–50 lowercase English letters, digits or hyphens."]);
        RuleFor(x => x.NameAr).NotEmpty().WithMessage(l["Enter the Arabic name."]).MaximumLength(200).WithMessage(TextLimits.TooLongForMaximumLength(l));
        RuleFor(x => x.NameEn).NotEmpty().WithMessage(l["Enter the English name."]).MaximumLength(200).WithMessage(TextLimits.TooLongForMaximumLength(l));
        RuleFor(x => x.City).MaximumLength(Letters.LetterheadSettings.MaxCityLength).WithMessage(TextLimits.TooLongForMaximumLength(l));
        RuleFor(x => x.LicenceNumber).MaximumLength(Letters.LetterheadSettings.MaxLicenceLength).WithMessage(TextLimits.TooLongForMaximumLength(l));
        RuleFor(x => x.NumberPrefix).NotEmpty().WithMessage(l["Enter the number prefix."])
            .Matches("^[A-Z]{2,10}$").WithMessage(l["Use 2–10 capital English letters."]);
        RuleFor(x => x.Email).EmailAddress().WithMessage(l["Enter a valid e-mail address."]).When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Phone).Must(v => string.IsNullOrWhiteSpace(v) || Letters.LetterheadSettings.TryNormalizePhone(v, out _))
            .WithMessage(l["Enter a Saudi phone number: a mobile (05XXXXXXXX) or a landline with its area code (011XXXXXXX), 9200XXXXX or 800XXXXXXX."]);
        RuleFor(x => x.AdminFullName).NotEmpty().WithMessage(l["Enter the full name."]).MaximumLength(200).WithMessage(TextLimits.TooLongForMaximumLength(l)).PersonName(l);
        RuleFor(x => x.AdminEmail).NotEmpty().WithMessage(l["Enter the e-mail address."])
            .EmailAddress().WithMessage(l["Enter a valid e-mail address."]);
        RuleFor(x => x.AdminPassword).MinimumLength(8).WithMessage(l["The password must be at least 8 characters."]);
    }
}

/// <summary>
/// Creates an association with its roles, head office and first administrator, creates the platform's
/// own tenant, and suspends or reactivates associations. The tenant row is platform-level; everything
/// inside a tenant is written from a scope bound to that tenant.
/// </summary>
public sealed class TenantProvisioning(
    AppDbContext db,
    TenantScopeFactory scopes,
    TimeProvider clock,
    IValidator<NewTenant> validator,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> l,
    ILogger<TenantProvisioning> logger)
{
    public async Task<(CommandResult Result, Guid? TenantId)> CreateAsync(NewTenant command, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return (new CommandResult(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList()), null);
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == command.Slug, ct))
        {
            return (CommandResult.Fail(nameof(NewTenant.Slug), l["This short name is already taken."]), null);
        }

        var adminEmail = users.NormalizeEmail(command.AdminEmail.Trim());
        if (await db.StaffDirectory.AnyAsync(d => d.NormalizedEmail == adminEmail, ct))
        {
            return (CommandResult.Fail(nameof(NewTenant.AdminEmail), l["This e-mail address is already used by another account."]), null);
        }

        var tenant = new Tenant
        {
            Slug = command.Slug,
            NameAr = command.NameAr.Trim(),
            NameEn = command.NameEn.Trim(),
            City = command.City?.Trim(),
            Phone = Letters.LetterheadSettings.TryNormalizePhone(command.Phone, out var phone) ? phone : null,
            Email = command.Email?.Trim(),
            LicenceNumber = command.LicenceNumber?.Trim(),
            Settings = new TenantSettings { NumberPrefix = command.NumberPrefix },
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same short name created twice at once: the check above passed for both; the index decides.
            db.Entry(tenant).State = EntityState.Detached;
            return (CommandResult.Fail(nameof(NewTenant.Slug), l["This short name is already taken."]), null);
        }

        var (result, _) = await SetUpAssociationAsync(tenant, command.AdminFullName, command.AdminEmail, command.AdminPassword, ct);
        if (!result.Succeeded)
        {
            // Nothing of a half-made association may stay behind.
            db.Tenants.Remove(tenant);
            await db.SaveChangesAsync(ct);
            return (new CommandResult(result.Errors.Select(e => (MapAdminField(e.Field), e.Message)).ToList()), null);
        }

        logger.LogInformation("Association {TenantId} created", tenant.Id);
        return (CommandResult.Ok, tenant.Id);
    }

    /// <summary>
    /// The platform tenant (exactly one): it holds the HostAdmin role and the host administrators, and is
    /// never listed, counted or suspended as an association. Used by the demo seed and the test harness.
    /// </summary>
    public async Task<(CommandResult Result, Guid? TenantId)> CreatePlatformAsync(NewPlatform command, CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(t => t.IsPlatform, ct))
        {
            throw new InvalidOperationException("The platform tenant already exists.");
        }

        var platform = new Tenant
        {
            Slug = command.Slug,
            NameAr = command.NameAr,
            NameEn = command.NameEn,
            IsPlatform = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Tenants.Add(platform);
        await db.SaveChangesAsync(ct);

        CommandResult result;
        await using (var scope = scopes.BeginScope(platform.Id))
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<RoleManager<ApplicationRole>>().CreateAsync(new ApplicationRole(StaffRoles.HostAdmin));
            (result, _) = await sp.GetRequiredService<StaffAccounts>().CreateAsync(
                new NewStaffUser(command.OperatorFullName, command.OperatorEmail, command.OperatorPassword, [StaffRoles.HostAdmin], null), ct);
            if (!result.Succeeded)
            {
                var platformDb = sp.GetRequiredService<AppDbContext>();
                await platformDb.Roles.ExecuteDeleteAsync(ct);
            }
        }

        if (!result.Succeeded)
        {
            db.Tenants.Remove(platform);
            await db.SaveChangesAsync(ct);
            return (result, null);
        }

        return (CommandResult.Ok, platform.Id);
    }

    /// <summary>
    /// Suspending takes effect on the association's staff at their next request: the sign-in cookie's
    /// validator and the login page both read <see cref="Tenant.IsSuspended"/>. Nothing is deleted.
    /// </summary>
    public async Task<CommandResult> SetSuspendedAsync(Guid tenantId, bool suspended, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, ct)
            ?? throw new EntityNotFoundException(nameof(Tenant), tenantId);
        if (tenant.IsPlatform)
        {
            // The host administrators live in it: suspending it would lock the operator out for good.
            return CommandResult.Fail("", l["The platform itself cannot be suspended."]);
        }

        if (tenant.IsSuspended != suspended)
        {
            tenant.IsSuspended = suspended;
            await db.SaveChangesAsync(ct);
            if (suspended)
            {
                logger.LogInformation("Association {TenantId} suspended", tenant.Id);
            }
            else
            {
                logger.LogInformation("Association {TenantId} reactivated", tenant.Id);
            }
        }

        return CommandResult.Ok;
    }

    /// <summary>Roles, head office and the first admin, written inside the tenant's own scope.</summary>
    public async Task<(CommandResult Result, Guid? AdminId)> SetUpAssociationAsync(
        Tenant tenant, string adminFullName, string adminEmail, string adminPassword, CancellationToken ct)
    {
        await using var scope = scopes.BeginScope(tenant.Id);
        var sp = scope.ServiceProvider;
        var roleManager = sp.GetRequiredService<RoleManager<ApplicationRole>>();
        foreach (var role in StaffRoles.AssociationRoles)
        {
            await roleManager.CreateAsync(new ApplicationRole(role));
        }

        var tenantDb = sp.GetRequiredService<AppDbContext>();
        tenantDb.Branches.Add(new Branch
        {
            Code = "HQ",
            NameAr = "المكتب الرئيسي",
            NameEn = "Head office",
            City = tenant.City,
            Address = tenant.Address,
            Phone = tenant.Phone,
            IsHeadOffice = true,
        });
        await tenantDb.SaveChangesAsync(ct);

        return await sp.GetRequiredService<StaffAccounts>().CreateAsync(
            new NewStaffUser(adminFullName, adminEmail, adminPassword, [StaffRoles.TenantAdmin], null), ct);
    }

    private static string MapAdminField(string field) => field switch
    {
        nameof(NewStaffUser.FullName) => nameof(NewTenant.AdminFullName),
        nameof(NewStaffUser.Email) => nameof(NewTenant.AdminEmail),
        nameof(NewStaffUser.Password) => nameof(NewTenant.AdminPassword),
        _ => field,
    };
}
