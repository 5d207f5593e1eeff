using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Committee;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Committee;

/// <summary>The committee's seats: who sits, in which seat, from when to when (TenantAdmin, by the /Admin folder rule).</summary>
public sealed class IndexModel(CommitteeMembers members, CommitteeQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public AddInput Add { get; set; } = new();

    [BindProperty]
    public EndInput End { get; set; } = new();

    public sealed class AddInput
    {
        [Display(Name = "Staff user")]
        public Guid? UserId { get; set; }

        [Display(Name = "Seat")]
        public CommitteeRole Role { get; set; } = CommitteeRole.Member;

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "First day")]
        public string? ActiveFrom { get; set; }

        [Display(Name = "Last day (optional)")]
        public string? ActiveTo { get; set; }
    }

    public sealed class EndInput
    {
        public Guid MemberId { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Last day")]
        public string? ActiveTo { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Add.ActiveFrom = DateEntry.Format(Today, Add.Calendar);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var from = ModelState.ParseDate("Add.ActiveFrom", Add.ActiveFrom, Add.Calendar, l);
        var to = ModelState.ParseDate("Add.ActiveTo", Add.ActiveTo, Add.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await members.AddAsync(new NewCommitteeMember(Add.UserId ?? Guid.Empty, Add.Role, from, to), ct);
        return await AfterAsync(result, "Add", l["The seat has been added."], ct);
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        var to = ModelState.ParseDate("End.ActiveTo", End.ActiveTo, End.Calendar, l);
        if (ModelState.ErrorCount > 0)
        {
            // An id of another association answers 404 even with a bad date.
            await LoadAsync(ct);
            return Members.Any(m => m.Id == End.MemberId) ? Page() : NotFound();
        }

        var result = await members.EndSeatAsync(End.MemberId, to, ct);
        return await AfterAsync(result, "End", l["The seat has been ended."], ct);
    }

    private async Task<IActionResult> AfterAsync(CommitteeResult result, string prefix, string success, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return RedirectToPage();
        }

        ModelState.AddCommandErrors(result.Errors, prefix);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DualDate.Today(clock);
        Members = await queries.MembersAsync(ct);
        Staff = await queries.EligibleStaffAsync(ct);
    }
}
