namespace Juthuruna.Identity;

/// <summary>The staff roles of product.md; the values are the role names and claim values.</summary>
public static class StaffRoles
{
    public const string RelationsOfficer = nameof(RelationsOfficer);
    public const string SocialResearcher = nameof(SocialResearcher);
    public const string CommitteeMember = nameof(CommitteeMember);
    public const string CommitteeChair = nameof(CommitteeChair);
    public const string CommitteeSecretary = nameof(CommitteeSecretary);
    public const string Manager = nameof(Manager);
    public const string TenantAdmin = nameof(TenantAdmin);

    /// <summary>Platform operator; exists only in the platform tenant.</summary>
    public const string HostAdmin = nameof(HostAdmin);

    /// <summary>Roles an association's admin can grant, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<string> AssociationRoles =
    [
        RelationsOfficer, SocialResearcher, CommitteeMember, CommitteeChair, CommitteeSecretary, Manager, TenantAdmin,
    ];

    public static readonly IReadOnlyList<string> All = [.. AssociationRoles, HostAdmin];
}
