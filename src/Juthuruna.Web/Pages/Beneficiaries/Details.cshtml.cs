using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Files;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Beneficiaries;

public sealed record AttachmentRow(Guid Id, string OriginalName, long SizeBytes, string Sha256, string? Description, string? UploadedBy, DateTime UploadedAtUtc);

public sealed class DetailsModel(
    BeneficiaryQueries queries,
    IAuthorizationService authorization,
    AppDbContext db,
    FileStorage storage,
    AccessLog accessLog,
    ContactQueries contacts,
    FileHistoryQueries history,
    Juthuruna.Features.Services.ServiceNames serviceNames,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string OwnerKind = "Beneficiary";

    /// <summary>The file's contacts shown at first; "show all" shows up to <see cref="ContactQueries.TimelineSize"/>.</summary>
    public const int ShownContacts = 10;

    /// <summary>"Show all": every request (up to <see cref="FileHistoryQueries.MaxRequests"/>) and more contacts.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public bool MoreRequests { get; private set; }
    public bool MoreContacts { get; private set; }

    public BeneficiaryDetails Beneficiary { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<ContactListItem> Contacts { get; private set; } = [];
    public IReadOnlyList<QueueItem> Requests { get; private set; } = [];

    /// <summary>The letters the association has written to this beneficiary; null for roles that do not read the register.</summary>
    public IReadOnlyList<Juthuruna.Features.Letters.LetterRow>? Letters { get; private set; }
    public IReadOnlyList<RegistrationItem> Registrations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> ServiceNames { get; private set; } = new Dictionary<Guid, string>();
    public DateOnly Today { get; private set; }
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public string? UploadError { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        await accessLog.RecordViewAsync(OwnerKind, id, ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, string? description, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (!await db.Beneficiaries.AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        UploadResult result;
        if (upload is null)
        {
            result = new UploadResult(null, UploadErrors.Missing);
        }
        else
        {
            await using var stream = upload.OpenReadStream();
            result = await storage.SaveAsync(new IncomingFile(stream, upload.FileName), OwnerKind, id, description, ct);
        }

        if (result.Succeeded)
        {
            return Redirect($"/Beneficiaries/Details/{id}#attachments");
        }

        UploadError = localizer[result.Error!, storage.MaxMegabytes];
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Beneficiary = await queries.GetDetailsAsync(id, ct);
        var contactRows = await contacts.TimelineAsync(id, All ? ContactQueries.TimelineSize : ShownContacts + 1, ct);
        MoreContacts = !All && contactRows.Count > ShownContacts;
        Contacts = MoreContacts ? contactRows.Take(ShownContacts).ToList() : contactRows;
        var fileHistory = await history.ForBeneficiaryAsync(id, Juthuruna.Features.Letters.LetterRegister.ReaderRoles.Any(User.IsInRole), All, ct);
        MoreRequests = fileHistory.MoreRequests;
        Requests = fileHistory.Requests;
        Registrations = fileHistory.Registrations;
        Letters = fileHistory.Letters;
        var serviceIds = Requests.Select(r => r.ServiceId).Concat(Registrations.SelectMany(r => r.ApprovedServiceIds)).Distinct().ToList();
        ServiceNames = await serviceNames.DisplayNamesAsync(serviceIds, Localization.IsArabic, ct);
        Today = DualDate.Today(clock);
        CanEdit = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
        // One query: files left-joined to their uploaders (no N+1).
        Attachments = await (
                from f in db.StoredFiles.AsNoTracking()
                where f.OwnerKind == OwnerKind && f.OwnerId == id
                join u in db.Users on f.UploadedBy equals (Guid?)u.Id into uploaders
                from u in uploaders.DefaultIfEmpty()
                orderby f.UploadedAtUtc descending
                select new AttachmentRow(f.Id, f.OriginalName, f.SizeBytes, f.Sha256, f.Description, u == null ? null : u.FullName, f.UploadedAtUtc))
            .Take(200)
            .ToListAsync(ct);
    }
}
