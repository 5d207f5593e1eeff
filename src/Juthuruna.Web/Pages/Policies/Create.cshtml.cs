using System.ComponentModel.DataAnnotations;
using Juthuruna.Features.Policies;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Policies;

/// <summary>A new policy document with its first draft (TenantAdmin, by the page convention).</summary>
public sealed class CreateModel(PolicyDocuments documents, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Arabic title")]
        public string? TitleAr { get; set; }

        [Display(Name = "English title")]
        public string? TitleEn { get; set; }

        [Display(Name = "Kind")]
        public PolicyKind Kind { get; set; } = PolicyKind.Other;

        [Display(Name = "Show on the public portal once approved")]
        public bool IsPublic { get; set; }

        [Display(Name = "Text (Markdown)")]
        public string? Text { get; set; }

        public Guid IdempotencyKey { get; set; }
    }

    public void OnGet() => Input.IdempotencyKey = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await documents.CreateAsync(
            new NewPolicyDocument(Input.TitleAr, Input.TitleEn, Input.Kind, Input.IsPublic, Input.Text, Input.IdempotencyKey), User.UserId(), ct);
        if (!result.Succeeded)
        {
            ModelState.AddCommandErrors(result.Errors);
            return Page();
        }

        TempData["Success"] = l["The document has been created with a first draft."].Value;
        return RedirectToPage("Edit", new { id = result.Id });
    }
}
