using Juthuruna.Identity;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// A role's name as staff read it (product.md), through the shared resources: the keys are the ones
/// the dashboard already uses, so a role has one label everywhere.
/// </summary>
public static class StaffRoleLabels
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [StaffRoles.RelationsOfficer] = "Relations officer",
        [StaffRoles.SocialResearcher] = "Social researcher",
        [StaffRoles.CommitteeMember] = "Committee member",
        [StaffRoles.CommitteeChair] = "Committee chair",
        [StaffRoles.CommitteeSecretary] = "Committee secretary",
        [StaffRoles.Manager] = "Executive manager",
        [StaffRoles.BoardMember] = "Board member",
        [StaffRoles.TenantAdmin] = "Association administrator",
        [StaffRoles.HostAdmin] = "Platform operator",
    };

    /// <summary>The localized label of <paramref name="role"/>; an unknown role shows its name rather than nothing.</summary>
    public static string RoleLabel(this IStringLocalizer localizer, string role) =>
        Keys.TryGetValue(role, out var key) ? localizer[key] : role;
}
