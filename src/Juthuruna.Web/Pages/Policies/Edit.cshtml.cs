using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Policies;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Policies;

/// <summary>
/// The administrator's page of one document (TenantAdmin, by the page convention): edit the draft, start a new
/// draft from the approved text, record the board's approval, publish or withdraw it. An id of another
/// association is a 404 for every handler (the services throw EntityNotFoundException).
/// </summary>
public sealed class EditModel(PolicyDocuments documents, PolicyQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public PolicyDetails Details { get; private set; } = null!;

    public PolicyVersionText? Draft { get; private set; }

    /// <summary>After a refused stale save: the draft as someone else saved it, shown beside what was typed.</summary>
    public string? SavedText { get; private set; }

    public string PreviewHtml { get; private set; } = "";

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [BindProperty]
    public ApprovalInput Approval { get; set; } = new();

    public sealed class DraftInput
    {
        public Guid VersionId { get; set; }

        /// <summary>The draft's token when the form was loaded: saving over a newer text is refused.</summary>
        public Guid Token { get; set; }

        [Display(Name = "Text (Markdown)")]
        public string? Text { get; set; }
    }

    public sealed class ApprovalInput
    {
        [Display(Name = "Board session number")]
        public string? BoardSession { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "Date of the session")]
        public string? ApprovedOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Draft is { } draft)
        {
            Input = new DraftInput { VersionId = draft.Id, Token = draft.Token, Text = draft.Text };
        }

        Approval.ApprovedOn = DateEntry.Format(DualDate.Today(clock), Approval.Calendar);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var result = await documents.SaveDraftAsync(id, Input.VersionId, Input.Token, Input.Text, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The draft has been saved."].Value;
            return RedirectToPage(new { id });
        }

        ModelState.AddCommandErrors(result.Errors);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Stale && Draft is { } saved)
        {
            // What was typed stays in the textarea; the saved text is shown beside it, and saving again (having
            // seen it) saves over the current draft.
            SavedText = saved.Text;
            ModelState.Remove($"{nameof(Input)}.{nameof(DraftInput.Token)}");
            Input.Token = saved.Token;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStartDraftAsync(Guid id, CancellationToken ct)
    {
        await documents.StartDraftAsync(id, User.UserId(), ct);
        TempData["Success"] = l["A new draft has been started from the approved text."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        var approvedOn = ModelState.ParseDate($"{nameof(Approval)}.{nameof(ApprovalInput.ApprovedOn)}", Approval.ApprovedOn, Approval.Calendar, l);
        if (ModelState.ErrorCount == 0)
        {
            var result = await documents.ApproveAsync(id, Input.VersionId, Input.Token, Approval.BoardSession, approvedOn, User.UserId(), ct);
            if (result.Succeeded)
            {
                TempData["Success"] = l["The version has been approved and is now in force."].Value;
                return RedirectToPage("Details", new { id });
            }

            ModelState.AddCommandErrors(result.Errors, nameof(Approval));
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The draft's text stays as saved (approving does not save the textarea); its token stays as loaded.
        if (Draft is { } draft)
        {
            Input.Text = draft.Text;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublicAsync(Guid id, bool isPublic, CancellationToken ct)
    {
        await documents.SetPublicAsync(id, isPublic, ct);
        TempData["Success"] = (isPublic ? l["The document is now public."] : l["The document is no longer public."]).Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, withDrafts: true, ct) is not { } details)
        {
            return false;
        }

        Details = details;
        Draft = await queries.DraftTextAsync(id, ct);
        PreviewHtml = PolicyMarkdown.ToSafeHtml(Draft?.Text);
        return true;
    }
}
