using Juthuruna.Features.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Policies;

/// <summary>
/// A policy document: the approved version rendered, its history, and any version beside the one before it
/// (<c>?version=N</c>). Drafts are the administrator's: other roles see approved and superseded versions only.
/// </summary>
public sealed class DetailsModel(PolicyQueries queries) : PageModel
{
    public PolicyDetails Details { get; private set; } = null!;

    /// <summary>The version shown: the one asked for, else the approved one (null when nothing is approved yet).</summary>
    public PolicyVersionText? Shown { get; private set; }

    /// <summary>The shown version's sanitised HTML (PolicyMarkdown.ToSafeHtml).</summary>
    public string ShownHtml { get; private set; } = "";

    /// <summary>The shown version against the one before it (null for the first, or when showing the version in force without asking).</summary>
    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public int? PreviousNumber { get; private set; }

    public bool IsAdmin => User.IsInRole(Juthuruna.Identity.StaffRoles.TenantAdmin);

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        if (await queries.DetailsAsync(id, IsAdmin, ct) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        if (version is { } number)
        {
            if (await queries.WithPreviousAsync(id, number, IsAdmin, ct) is not { } pair)
            {
                return NotFound();
            }

            Shown = pair.Version;
            if (pair.Previous is { } previous)
            {
                PreviousNumber = previous.Number;
                Diff = PolicyDiff.Lines(previous.Text, pair.Version.Text);
            }
        }
        else
        {
            Shown = await queries.ApprovedTextAsync(id, ct);
        }

        ShownHtml = PolicyMarkdown.ToSafeHtml(Shown?.Text);
        return Page();
    }
}
