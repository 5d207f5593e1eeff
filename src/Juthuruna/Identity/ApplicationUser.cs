using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Juthuruna.Identity;

/// <summary>A staff member. Belongs to exactly one tenant; beneficiaries never have accounts.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>, ITenantOwned
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public Guid TenantId { get; set; }

    public required string FullName { get; set; }

    /// <summary>A disabled user cannot sign in and is signed out on their next request.</summary>
    public bool IsActive { get; set; } = true;

    public Guid? BranchId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

public sealed class ApplicationRole : IdentityRole<Guid>, ITenantOwned
{
    public ApplicationRole()
    {
        Id = Guid.CreateVersion7();
    }

    public ApplicationRole(string roleName) : this()
    {
        Name = roleName;
    }

    public Guid TenantId { get; set; }
}

// Identity's link tables carry the tenant too, so every row in the tenant's part of the database is
// filtered and stamped by the same mechanism; there is no "reachable only through a join" exception.
public sealed class ApplicationUserRole : IdentityUserRole<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class ApplicationUserClaim : IdentityUserClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class ApplicationUserLogin : IdentityUserLogin<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class ApplicationUserToken : IdentityUserToken<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class ApplicationRoleClaim : IdentityRoleClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>
/// Platform-level index of sign-in names: which tenant a staff e-mail belongs to. It lets the single
/// login page find the user's tenant without bypassing the tenant filter, and its unique index makes a
/// sign-in e-mail unique across the platform (users themselves are unique per tenant).
/// </summary>
public sealed class StaffDirectoryEntry
{
    public required string NormalizedEmail { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
}
