using FluentValidation;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Staff;

public sealed record NewStaffUser(string FullName, string Email, string Password, IReadOnlyCollection<string> Roles, Guid? BranchId);

/// <summary>Outcome of a staff-account command: success, or errors keyed by the input field they belong to.</summary>
public sealed record CommandResult(IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly CommandResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Fail(string field, string message) => new([(field, message)]);
}

public sealed class NewStaffUserValidator : AbstractValidator<NewStaffUser>
{
    public NewStaffUserValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.FullName).NotEmpty().WithMessage(l["Enter the full name."]).MaximumLength(200).WithMessage(TextLimits.TooLongForMaximumLength(l)).PersonName(l);
        RuleFor(x => x.Email).NotEmpty().WithMessage(l["Enter the e-mail address."])
            .EmailAddress().WithMessage(l["Enter a valid e-mail address."]).MaximumLength(256).WithMessage(TextLimits.TooLongForMaximumLength(l));
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Enter a password."])
            .MinimumLength(8).WithMessage(l["The password must be at least 8 characters."]);
        RuleFor(x => x.Roles).NotEmpty().WithMessage(l["Choose at least one role."]);
        RuleForEach(x => x.Roles).Must(r => StaffRoles.All.Contains(r)).WithMessage(l["Unknown role."]);
    }
}

/// <summary>
/// Staff accounts of the current tenant: the only place users are created, so the platform-wide
/// sign-in directory and the user table never disagree.
/// </summary>
public sealed class StaffAccounts(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IValidator<NewStaffUser> validator,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> l)
{
    public async Task<(CommandResult Result, Guid? UserId)> CreateAsync(NewStaffUser command, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return (new CommandResult(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList()), null);
        }

        var normalizedEmail = users.NormalizeEmail(command.Email.Trim());
        if (await db.StaffDirectory.AnyAsync(d => d.NormalizedEmail == normalizedEmail, ct))
        {
            return (CommandResult.Fail(nameof(NewStaffUser.Email), l["This e-mail address is already used by another account."]), null);
        }

        if (!await RolesExistAsync(command.Roles, ct))
        {
            return (CommandResult.Fail(nameof(NewStaffUser.Roles), l["Unknown role."]), null);
        }

        // The id comes from a form: it must name an office of this association, not any row.
        if (command.BranchId is { } branchId && !await db.Branches.AnyAsync(b => b.Id == branchId && b.IsActive, ct))
        {
            return (CommandResult.Fail(nameof(NewStaffUser.BranchId), l["Choose an office of the association."]), null);
        }

        var user = new ApplicationUser
        {
            FullName = command.FullName.Trim(),
            UserName = command.Email.Trim(),
            Email = command.Email.Trim(),
            EmailConfirmed = true,
            BranchId = command.BranchId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // The password is checked and hashed (a deliberately slow key derivation) before the transaction: the
        // database's write lock is never held for it (issue 13).
        var passwordErrors = new List<IdentityError>();
        foreach (var passwordValidator in users.PasswordValidators)
        {
            var checkedPassword = await passwordValidator.ValidateAsync(users, user, command.Password);
            passwordErrors.AddRange(checkedPassword.Errors);
        }

        if (passwordErrors.Count > 0)
        {
            return (FromIdentity(IdentityResult.Failed([.. passwordErrors]), nameof(NewStaffUser.Password)), null);
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.Password);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (FromIdentity(created, nameof(NewStaffUser.Password)), null);
            }

            var roles = await users.AddToRolesAsync(user, command.Roles.Distinct());
            if (!roles.Succeeded)
            {
                return (FromIdentity(roles, nameof(NewStaffUser.Roles)), null);
            }

            db.StaffDirectory.Add(new StaffDirectoryEntry { NormalizedEmail = normalizedEmail!, TenantId = user.TenantId, UserId = user.Id });
            db.AuditEntries.Add(Event(AuditAction.Created, user.Id,
                new FieldChange("FullName", null, user.FullName),
                new FieldChange("Email", null, user.Email),
                new FieldChange("Roles", null, string.Join(", ", command.Roles.Distinct().Order(StringComparer.Ordinal)))));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins creating the same e-mail at once: the check above passed for both and the unique
            // index refused the second; its transaction rolls back with nothing left behind.
            return (CommandResult.Fail(nameof(NewStaffUser.Email), l["This e-mail address is already used by another account."]), null);
        }

        return (CommandResult.Ok, user.Id);
    }

    /// <summary>Disabling also renews the security stamp, so the user's open sessions end on their next request.</summary>
    public async Task<CommandResult> SetActiveAsync(Guid userId, bool active, Guid actingUserId, CancellationToken ct)
    {
        var user = await FindAsync(userId, ct);
        if (!active && userId == actingUserId)
        {
            return CommandResult.Fail("", l["You cannot disable your own account."]);
        }

        if (user.IsActive == active)
        {
            return CommandResult.Ok;
        }

        user.IsActive = active;
        // Disabling renews the security stamp (saved with the user and the audit entry in one write): the user's open
        // sessions end on their next request.
        return await AuditedAsync(
            Event(active ? AuditAction.Enabled : AuditAction.Disabled, userId),
            () => active ? users.UpdateAsync(user) : users.UpdateSecurityStampAsync(user),
            "");
    }

    public async Task<CommandResult> ResetPasswordAsync(Guid userId, string newPassword, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(newPassword) || newPassword.Length < 8)
        {
            return CommandResult.Fail("NewPassword", l["The password must be at least 8 characters."]);
        }

        var user = await FindAsync(userId, ct);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var audit = Event(AuditAction.PasswordReset, userId);
        db.AuditEntries.Add(audit);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
        }
        if (result.Succeeded)
        {
            // A forgotten password may mean a locked-out user: let them in with the new one.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        return FromIdentity(result, "NewPassword");
    }

    /// <summary>Ends a lockout from failed sign-ins now, without changing the password.</summary>
    public async Task<CommandResult> UnlockAsync(Guid userId, CancellationToken ct)
    {
        var user = await FindAsync(userId, ct);
        var audit = Event(AuditAction.Unlocked, userId);
        db.AuditEntries.Add(audit);
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            db.Entry(audit).State = EntityState.Detached;
        }

        return FromIdentity(result, "");
    }

    public async Task<CommandResult> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles, Guid actingUserId, CancellationToken ct)
    {
        if (roles.Count == 0)
        {
            return CommandResult.Fail("Roles", l["Choose at least one role."]);
        }

        if (!await RolesExistAsync(roles, ct))
        {
            return CommandResult.Fail("Roles", l["Unknown role."]);
        }

        if (userId == actingUserId && !roles.Contains(StaffRoles.TenantAdmin))
        {
            return CommandResult.Fail("Roles", l["You cannot remove your own administrator role."]);
        }

        var user = await FindAsync(userId, ct);
        var current = await users.GetRolesAsync(user);
        if (current.ToHashSet().SetEquals(roles))
        {
            return CommandResult.Ok;
        }

        var audit = Event(AuditAction.RolesChanged, userId, new FieldChange("Roles",
            string.Join(", ", current.Order(StringComparer.Ordinal)), string.Join(", ", roles.Distinct().Order(StringComparer.Ordinal))));
        db.AuditEntries.Add(audit);
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles.Except(current));
        }

        if (result.Succeeded)
        {
            // Role claims live in the cookie: renew the stamp so the new roles apply on the next request.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded && db.Entry(audit).State == EntityState.Added)
        {
            db.Entry(audit).State = EntityState.Detached;
        }

        return FromIdentity(result, "Roles");
    }

    private AuditEntry Event(AuditAction action, Guid userId, params FieldChange[] changes) =>
        AccountEvents.Entry(action, currentUser.AuditName, userId.ToString(), clock.GetUtcNow().UtcDateTime, changes);

    /// <summary>The event is saved with the change (Identity's own SaveChanges), or not at all when the change fails.</summary>
    private async Task<CommandResult> AuditedAsync(AuditEntry audit, Func<Task<IdentityResult>> change, string field)
    {
        db.AuditEntries.Add(audit);
        var result = await change();
        if (!result.Succeeded && db.Entry(audit).State == EntityState.Added)
        {
            db.Entry(audit).State = EntityState.Detached;
        }

        return FromIdentity(result, field);
    }

    // Roles are per tenant: an association has the association roles, the platform has HostAdmin.
    private async Task<bool> RolesExistAsync(IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var normalized = roles.Distinct().Select(r => r.ToUpperInvariant()).ToList();
        return await db.Roles.CountAsync(r => normalized.Contains(r.NormalizedName!), ct) == normalized.Count;
    }

    // The tenant filter makes another association's user invisible: it is "not found", never "forbidden".
    private async Task<ApplicationUser> FindAsync(Guid userId, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new EntityNotFoundException(nameof(ApplicationUser), userId);

    /// <summary>Identity's errors beside the field they are about: duplicates are about the e-mail, the rest about <paramref name="field"/>.</summary>
    private static CommandResult FromIdentity(IdentityResult result, string field) =>
        result.Succeeded
            ? CommandResult.Ok
            : new CommandResult(result.Errors.Select(e => (
                e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) ? nameof(NewStaffUser.Email) : field,
                e.Description)).ToList());
}
