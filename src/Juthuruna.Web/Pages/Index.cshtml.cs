using Juthuruna.Data;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Research;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Web.Pages;

/// <summary>The home dashboard: one card group per role the user holds, with what exists for that role today.</summary>
public sealed class IndexModel(
    AppDbContext db,
    ContactQueries contacts,
    RequestQueries requests,
    DecisionWindowQueries window,
    ResearchQueries research,
    CommitteeQueries committee,
    SignedInViewer viewer,
    TimeProvider clock) : PageModel
{
    public string AssociationName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public int ActiveStaff { get; private set; }
    public int DisabledStaff { get; private set; }
    public IReadOnlyList<BranchRow> Branches { get; private set; } = [];
    public int ActiveAssociations { get; private set; }
    public int SuspendedAssociations { get; private set; }
    public ContactCounts ContactCounts { get; private set; } = new(0, 0);
    public RequestCounts? RequestCounts { get; private set; }

    /// <summary>The manager's figure: requests decided within the window this Hijri year.</summary>
    public WindowShare? WindowShare { get; private set; }

    /// <summary>Riyadh's today: the days-left badges count from it.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The researcher's requests under research; null when the user is not a social researcher.</summary>
    public AssignedWork? Assigned { get; private set; }

    /// <summary>Open referrals addressed to the researcher; null when the user is not a social researcher.</summary>
    public OpenReferrals? Referrals { get; private set; }

    /// <summary>The committee seat the user holds today; the committee's work is shown only to seat holders.</summary>
    public CommitteeRole? Seat { get; private set; }

    public AwaitingVotes? AwaitingVote { get; private set; }

    /// <summary>For the secretary's and chair's seats: requests in the committee's queue not yet on an agenda.</summary>
    public int? QueueCount { get; private set; }

    public sealed record BranchRow(string NameAr, string NameEn, string? City, bool IsHeadOffice);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenantId = User.TenantId();
        var seesStaff = User.IsInRole(StaffRoles.TenantAdmin) || User.IsInRole(StaffRoles.Manager);

        // The association, its branches and (for the administrator and manager) its staff counts: one statement.
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new
            {
                t.NameAr,
                t.NameEn,
                Branches = db.Branches.Where(b => b.TenantId == t.Id && b.IsActive)
                    .OrderByDescending(b => b.IsHeadOffice).ThenBy(b => b.Code)
                    .Select(b => new BranchRow(b.NameAr, b.NameEn, b.City, b.IsHeadOffice))
                    .Take(50).ToList(),
                ActiveStaff = seesStaff ? db.Users.Count(u => u.IsActive) : 0,
                DisabledStaff = seesStaff ? db.Users.Count(u => !u.IsActive) : 0,
            })
            .AsSingleQuery()
            .SingleAsync(ct);
        AssociationName = Localization.IsArabic ? tenant.NameAr : tenant.NameEn;
        Branches = tenant.Branches;
        ActiveStaff = tenant.ActiveStaff;
        DisabledStaff = tenant.DisabledStaff;
        Roles = StaffRoles.All.Where(User.IsInRole).ToList();
        Today = Juthuruna.Common.Dates.DualDate.Today(clock);
        await MyWorkAsync(ct);

        if (User.IsInRole(StaffRoles.RelationsOfficer))
        {
            ContactCounts = await contacts.CountsAsync(ct);
        }

        if (User.IsInRole(StaffRoles.RelationsOfficer) || User.IsInRole(StaffRoles.Manager) || User.IsInRole(StaffRoles.CommitteeSecretary))
        {
            RequestCounts = await requests.CountsAsync(Today, ct);
            if (User.IsInRole(StaffRoles.Manager))
            {
                WindowShare = await window.ShareInHijriYearAsync(Today, ct);
            }
        }

        if (User.IsInRole(StaffRoles.HostAdmin))
        {
            var tenants = await db.Tenants.AsNoTracking().Where(t => !t.IsPlatform).GroupBy(t => t.IsSuspended)
                .Select(g => new { Suspended = g.Key, Count = g.Count() }).ToListAsync(ct);
            ActiveAssociations = tenants.Where(t => !t.Suspended).Sum(t => t.Count);
            SuspendedAssociations = tenants.Where(t => t.Suspended).Sum(t => t.Count);
        }
    }

    /// <summary>"My work today": what waits for this user by name, for the researcher and for a committee seat.</summary>
    private async Task MyWorkAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        if (User.IsInRole(StaffRoles.SocialResearcher))
        {
            Assigned = await research.AssignedToAsync(userId, ct);
            Referrals = await research.OpenReferralsToAsync(userId, ct);
        }

        // A seat, not the staff role, is what lets someone vote; only those who can open the committee's pages hold one.
        if (CommitteeMembers.CommitteeReaderRoles.Any(User.IsInRole))
        {
            // Read with the sign-in check (SignedInViewer) when it ran for today; asked here otherwise.
            Seat = viewer.IsKnown && viewer.Today == Today ? viewer.SeatToday : await committee.SeatAsync(userId, Today, ct);
            if (Seat is { } seat)
            {
                AwaitingVote = await committee.AwaitingVoteAsync(userId, Today, ct);
                if (seat is CommitteeRole.Secretary or CommitteeRole.Chair)
                {
                    QueueCount = await committee.QueueCountAsync(ct);
                }
            }
        }
    }
}
