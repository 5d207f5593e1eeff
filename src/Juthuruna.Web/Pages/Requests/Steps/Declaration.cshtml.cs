using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Files;
using Juthuruna.Features.SupportRequests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests.Steps;

/// <summary>
/// الإقرار (policy step 4): the applicant confirms that what they gave is correct and that they answer for it — on the
/// screen before the officer, or on paper signed and scanned. The text signed is the association's current one.
/// </summary>
[Authorize(Policy = RequestStepPolicy.Intake)]
public sealed class DeclarationModel(
    RequestQueries queries,
    RequestCommands requests,
    IStringLocalizer<SharedResource> l) : StepPageModel(queries, l)
{
    /// <summary>Once, while the desk completes the file.</summary>
    protected override bool IsAvailable(RequestHeader header) => RequestWorkflow.IntakeStates.Contains(header.State);

    public string DeclarationText { get; private set; } = "";

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    public sealed class DeclarationInput
    {
        [Display(Name = "Applicant's name")]
        public string? ApplicantName { get; set; }

        [Display(Name = "How the declaration was made")]
        public DeclarationMethod Method { get; set; } = DeclarationMethod.ConfirmedOnScreen;

        [Display(Name = "Scan of the signed declaration")]
        public IFormFile? Scan { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Declaration.ApplicantName = Header.BeneficiaryName;
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken ct)
    {
        await using var scan = Declaration.Method == DeclarationMethod.SignedPaperScanned ? Declaration.Scan?.OpenReadStream() : null;
        var result = await requests.DeclareAsync(id, Declaration.ApplicantName, Declaration.Method,
            scan is null ? null : new IncomingFile(scan, Declaration.Scan!.FileName), Actor, ct);
        if (result.Succeeded)
        {
            return Recorded(id, L["The declaration has been recorded."]);
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        AddErrors(result, nameof(Declaration));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct))
        {
            return false;
        }

        DeclarationText = (await requests.CurrentDeclarationAsync(ct)).Text;
        return true;
    }
}
