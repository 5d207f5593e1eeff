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

    /// <summary>
    /// عضو مجلس إدارة (issue 16): read-only; sees the reports (/Reports) and the approved policies, nothing personal —
    /// no beneficiary, request, stored document or list with personal data.
    /// </summary>
    public const string BoardMember = nameof(BoardMember);

    /// <summary>Platform operator; exists only in the platform tenant.</summary>
    public const string HostAdmin = nameof(HostAdmin);

    /// <summary>Roles an association's admin can grant, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<string> AssociationRoles =
    [
        RelationsOfficer, SocialResearcher, CommitteeMember, CommitteeChair, CommitteeSecretary, Manager, BoardMember, TenantAdmin,
    ];

    /// <summary>The association's roles that read personal data (files, requests, documents, contacts): every one but the board member.</summary>
    public static readonly IReadOnlyList<string> PersonalDataRoles = [.. AssociationRoles.Where(r => r != BoardMember)];

    /// <summary>Who reads the association's reports (/Reports): the manager, the administrator and the board.</summary>
    public static readonly IReadOnlyList<string> ReportReaders = [Manager, TenantAdmin, BoardMember];

    public static readonly IReadOnlyList<string> All = [.. AssociationRoles, HostAdmin];
}
