using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// تسجيل المستفيد (policy step 7): after the committee's approval the officer registers the beneficiary for the approved
/// services over an eligibility period; the beneficiary number is given here.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Register)]
public sealed class RegistrationModel(
    RequestQueries queries,
    RegistrationCommands registrations,
    ResearchQueries research,
    ServiceNames serviceNames,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    protected override bool IsAvailable(RequestHeader header) => Permits(header.State, TransitionForm.Registration);

    /// <summary>The committee's approval being registered (null if there is none yet).</summary>
    public DecisionItem? Approval { get; private set; }

    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();

    public string ServiceName(Guid id) => ServiceNames.GetValueOrDefault(id, "—");

    [BindProperty]
    public RegisterInput Register { get; set; } = new();

    public sealed class RegisterInput
    {
        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Eligible from")]
        public string? EligibleFrom { get; set; }

        [Display(Name = "Eligible to")]
        public string? EligibleTo { get; set; }

        public Guid Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // What a person would type anyway: a year of eligibility from today.
        var today = DualDate.Today(clock);
        Register = new RegisterInput
        {
            EligibleFrom = DateEntry.Format(today, CalendarKind.Hijri),
            EligibleTo = DateEntry.Format(today.AddYears(1).AddDays(-1), CalendarKind.Hijri),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        var from = ModelState.ParseDate("Register.EligibleFrom", Register.EligibleFrom, Register.Calendar, L);
        var to = ModelState.ParseDate("Register.EligibleTo", Register.EligibleTo, Register.Calendar, L);
        if (ModelState.ErrorCount == 0)
        {
            var result = await registrations.RegisterAsync(id, from, to, Register.Version, Actor, ct);
            if (result.Succeeded)
            {
                return Recorded(id, L["The beneficiary has been registered."]);
            }

            AddErrors(result, nameof(Register));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        Approval = (await research.DecisionsAsync(id, ct)).FirstOrDefault(d => d.Decision == CommitteeDecision.Approve);
        if (Approval is not null)
        {
            ServiceNames = await serviceNames.DisplayNamesAsync(Approval.ApprovedServiceIds, Localization.IsArabic, ct);
        }

        return true;
    }
}
