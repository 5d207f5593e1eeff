using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Settings;
using Juthuruna.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Settings;

/// <summary>The association's settings: decision window, holidays, declaration wording, committee (TenantAdmin, by the /Admin folder rule).</summary>
public sealed class IndexModel(AssociationSettings settings, IStringLocalizer<SharedResource> l) : PageModel
{
    public SettingsView Current { get; private set; } = null!;

    [BindProperty]
    public WindowInput Window { get; set; } = new();

    [BindProperty]
    public HolidayInput Holiday { get; set; } = new();

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    [BindProperty]
    public CommitteeInput Committee { get; set; } = new();

    [BindProperty]
    public FeedbackInput Feedback { get; set; } = new();

    public sealed class FeedbackInput
    {
        [Display(Name = "Days to respond to suggestions and complaints")]
        public int ComplaintResponseDays { get; set; }
    }

    public sealed class WindowInput
    {
        [Display(Name = "Decision window (days)")]
        public int DecisionWindowDays { get; set; }

        [Display(Name = "Counted in")]
        public DecisionWindowMode Mode { get; set; }
    }

    public sealed class HolidayInput
    {
        [Display(Name = "Date")]
        public string? Date { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Holiday")]
        public string? Name { get; set; }
    }

    public sealed class DeclarationInput
    {
        [Display(Name = "Declaration wording")]
        public string? DeclarationText { get; set; }
    }

    public sealed class CommitteeInput
    {
        /// <summary>Empty: a majority of the active members.</summary>
        [Display(Name = "Committee quorum (members)")]
        public int? CommitteeQuorum { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Window = new WindowInput { DecisionWindowDays = Current.DecisionWindowDays, Mode = Current.Mode };
        Declaration = new DeclarationInput { DeclarationText = Current.DeclarationText };
        Committee = new CommitteeInput { CommitteeQuorum = Current.CommitteeQuorum };
        Feedback = new FeedbackInput { ComplaintResponseDays = Current.ComplaintResponseDays };
    }

    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Feedback)}.{nameof(FeedbackInput.ComplaintResponseDays)}"]?.Errors.Count > 0)
        {
            return await RedisplayAsync(ct);
        }

        return await AfterAsync(await settings.UpdateComplaintResponseAsync(Feedback.ComplaintResponseDays, ct), nameof(Feedback), ct);
    }

    public async Task<IActionResult> OnPostWindowAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Window)}.{nameof(WindowInput.DecisionWindowDays)}"]?.Errors.Count > 0)
        {
            return await RedisplayAsync(ct);
        }

        return await AfterAsync(await settings.UpdateDecisionWindowAsync(Window.DecisionWindowDays, Window.Mode, ct), nameof(Window), ct);
    }

    public async Task<IActionResult> OnPostAddHolidayAsync(CancellationToken ct)
    {
        DateOnly? date = DateEntry.TryParse(Holiday.Date, Holiday.Calendar, out var parsed) ? parsed : null;
        if (date is null && !string.IsNullOrWhiteSpace(Holiday.Date))
        {
            ModelState.AddModelError("Holiday.Date", l["Enter the holiday's date as dd/mm/yyyy."]);
            return await RedisplayAsync(ct);
        }

        return await AfterAsync(await settings.AddHolidayAsync(date, Holiday.Name, ct), nameof(Holiday), ct);
    }

    public async Task<IActionResult> OnPostRemoveHolidayAsync(Guid holidayId, CancellationToken ct)
    {
        await settings.RemoveHolidayAsync(holidayId, ct);
        TempData["Success"] = l["The settings have been saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCommitteeAsync(CancellationToken ct)
    {
        if (ModelState[$"{nameof(Committee)}.{nameof(CommitteeInput.CommitteeQuorum)}"]?.Errors.Count > 0)
        {
            return await RedisplayAsync(ct);
        }

        return await AfterAsync(await settings.UpdateCommitteeAsync(Committee.CommitteeQuorum, ct), nameof(Committee), ct);
    }

    public async Task<IActionResult> OnPostDeclarationAsync(CancellationToken ct) =>
        await AfterAsync(await settings.UpdateDeclarationAsync(Declaration.DeclarationText, ct), nameof(Declaration), ct);

    private async Task<IActionResult> AfterAsync(IReadOnlyList<(string Field, string Message)> errors, string prefix, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Success"] = l["The settings have been saved."].Value;
            return RedirectToPage();
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"{prefix}.{field}", message);
        }

        return await RedisplayAsync(ct);
    }

    // The form that failed keeps what was typed; the other forms show the saved values.
    private async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var handler = Request.Query["handler"];
        if (!handler.Contains("Declaration"))
        {
            Declaration.DeclarationText ??= Current.DeclarationText;
        }

        if (!handler.Contains("Window"))
        {
            Window = new WindowInput { DecisionWindowDays = Current.DecisionWindowDays, Mode = Current.Mode };
        }

        if (!handler.Contains("Feedback"))
        {
            Feedback = new FeedbackInput { ComplaintResponseDays = Current.ComplaintResponseDays };
        }

        if (!handler.Contains("Committee"))
        {
            Committee = new CommitteeInput { CommitteeQuorum = Current.CommitteeQuorum };
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Current = await settings.GetAsync(ct);
}
