using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Portal;

/// <summary>
/// قياس الرضا: the one-use survey a beneficiary opens from the message sent when their request closed. An unknown,
/// expired or other association's link gets the same friendly "not found" (with a 404), so a link tells nothing.
/// </summary>
public sealed class SurveyModel(Surveys surveys, IStringLocalizer<SharedResource> l) : PageModel
{
    public PortalAssociation Association => HttpContext.PortalAssociation()!;

    public SurveyLinkState State { get; private set; }

    public string? RequestNumber { get; private set; }

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public sealed class AnswerInput
    {
        [Display(Name = "Overall, how satisfied are you with the service?")]
        public int? Overall { get; set; }

        [Display(Name = "The courtesy of the staff who served you")]
        public int? Courtesy { get; set; }

        [Display(Name = "The speed of the service")]
        public int? Speed { get; set; }

        [Display(Name = "The clarity of the information you were given")]
        public int? Clarity { get; set; }

        [Display(Name = "Anything you would like to add (optional)")]
        public string? Comment { get; set; }

        /// <summary>On by default: the policy lets beneficiaries answer without their name, and the kinder default is not to ask.</summary>
        [Display(Name = "Answer anonymously (your name and request are not kept with your answer)")]
        public bool Anonymous { get; set; } = true;
    }

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        // A rating that is not a number is as good as missing: the service's own message is shown beside it.
        ModelState.Clear();
        var result = await surveys.AnswerAsync(token, new SurveyAnswer(Answer.Overall, Answer.Courtesy, Answer.Speed, Answer.Clarity, Answer.Comment, Answer.Anonymous), ct);
        switch (result.Outcome)
        {
            case SurveyOutcome.Recorded:
                TempData["Success"] = l["Thank you. Your answer has been recorded and will help us improve our service."].Value;
                return Redirect(Association.Path($"survey/{token}"));
            case SurveyOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    ModelState.AddModelError($"{nameof(Answer)}.{field}", message);
                }

                await LoadAsync(token, ct);
                return Page();
            default:
                await LoadAsync(token, ct);
                return Page();
        }
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        var link = await surveys.FindAsync(token, ct);
        State = link.State;
        RequestNumber = link.RequestNumber;
        if (State == SurveyLinkState.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
