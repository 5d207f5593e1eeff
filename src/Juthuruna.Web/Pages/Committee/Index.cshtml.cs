using Juthuruna.Common.Dates;
using Juthuruna.Features.Committee;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Committee;

/// <summary>The committee's home: its sessions and the requests waiting for it, nearest due first.</summary>
public sealed class IndexModel(CommitteeQueries queries, CommitteeSessions sessions, SignedInViewer viewer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public IReadOnlyList<CommitteeQueueRow> Queue { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool MayOpenSessions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        Sessions = await queries.SessionsAsync(Today, ct);
        Queue = await queries.QueueAsync(ct);
        // Today's seat was read with the sign-in check (SignedInViewer) when it ran for today; asked here otherwise.
        MayOpenSessions = viewer.IsKnown && viewer.Today == Today
            ? CommitteeSeats.KeepsMinutes(viewer.SeatToday)
            : await sessions.MayOpenSessionsAsync(User.UserId(), ct);
    }
}
