using System.ComponentModel.DataAnnotations;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Requests;

/// <summary>Opens a support request for a beneficiary's file (it starts as a draft in the queue).</summary>
[Authorize(Policy = StaffIdentitySetup.BeneficiaryWritersPolicy)]
public sealed class CreateModel(RequestCommands requests, AppDbContext db, HouseholdOverlaps overlaps, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string BeneficiaryName { get; private set; } = "";
    public string BeneficiaryFileNumber { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Branches { get; private set; } = [];

    /// <summary>People of this file who are counted in another file too: the desk sees it before a family receives twice.</summary>
    public IReadOnlyList<HouseholdMatch> Overlaps { get; private set; } = [];

    public sealed class InputModel
    {
        public Guid BeneficiaryId { get; set; }

        [Display(Name = "Service")]
        public Guid? ServiceId { get; set; }

        [Display(Name = "Channel")]
        public ContactChannel Channel { get; set; } = ContactChannel.InPerson;

        [Display(Name = "Office")]
        public Guid? BranchId { get; set; }

        [Display(Name = "Need")]
        public string? Description { get; set; }

        [Display(Name = "Amount requested (SAR)")]
        public string? AmountRequested { get; set; }

        public Guid IdempotencyKey { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid beneficiaryId, CancellationToken ct)
    {
        Input = new InputModel { BeneficiaryId = beneficiaryId, IdempotencyKey = Guid.NewGuid() };
        var userBranch = await db.Users.AsNoTracking().Where(u => u.Id == User.UserId()).Select(u => u.BranchId).SingleOrDefaultAsync(ct);
        Input.BranchId = userBranch;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await requests.CreateAsync(
            new NewSupportRequest(Input.BeneficiaryId, Input.ServiceId ?? Guid.Empty, Input.BranchId, Input.Channel, Input.Description, Input.AmountRequested, Input.IdempotencyKey),
            User.Actor(),
            ct);
        if (result.Succeeded)
        {
            TempData["Success"] = l["The request has been opened as a draft."].Value;
            return RedirectToPage("Details", new { id = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var beneficiary = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == Input.BeneficiaryId)
            .Select(b => new { Name = b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName, b.FileNumber })
            .SingleOrDefaultAsync(ct);
        if (beneficiary is null)
        {
            return false;
        }

        BeneficiaryName = beneficiary.Name;
        BeneficiaryFileNumber = beneficiary.FileNumber;
        Overlaps = await overlaps.ForFileAsync(Input.BeneficiaryId, ct);
        var arabic = Localization.IsArabic;
        Services = (await db.SupportServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.NameAr)
                .Select(s => new { s.Id, Name = arabic || s.NameEn == null ? s.NameAr : s.NameEn }).Take(200).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();
        Branches = (await db.Branches.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Code)
                .Select(b => new { b.Id, Name = arabic ? b.NameAr : b.NameEn }).ToListAsync(ct))
            .Select(b => (b.Id, b.Name)).ToList();
        return true;
    }
}
