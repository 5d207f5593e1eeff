using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Services;

public sealed record DocumentTypeRow(Guid Id, string Code, string NameAr, string? NameEn, bool HasExpiryDate, int? MaxAgeDays, bool IsActive);

public sealed record ServiceRow(Guid Id, string Code, string NameAr, string? NameEn, long? DefaultAmountHalalas, bool IsActive, int MandatoryCount, int OptionalCount);

/// <summary>A service that can be requested now.</summary>
public sealed record ServiceOption(Guid Id, string Code, string NameAr, string? NameEn, long? DefaultAmountHalalas);

/// <summary>A document the intake must collect for a service, with the rules to check it against on the submission date.</summary>
public sealed record RequiredDocument(
    Guid DocumentTypeId,
    string Code,
    string NameAr,
    string? NameEn,
    bool IsMandatory,
    bool HasExpiryDate,
    int? MaxAgeDays);

/// <summary>One row of a service's checklist: a document type and how the service asks for it.</summary>
public sealed record RequirementLine(DocumentTypeRow DocumentType, RequirementLevel Level);

/// <summary>Reads of the service catalogue: no tracking, projections into records, bounded lists.</summary>
public sealed class ServiceCatalogue(AppDbContext db)
{
    /// <summary>An association has a handful of services and a few dozen document types; the bound only protects the page.</summary>
    public const int MaxRows = 500;

    public async Task<IReadOnlyList<DocumentTypeRow>> DocumentTypesAsync(CancellationToken ct) =>
        await db.DocumentTypes.AsNoTracking()
            .OrderByDescending(d => d.IsActive).ThenBy(d => d.Code)
            .Take(MaxRows)
            .Select(d => new DocumentTypeRow(d.Id, d.Code, d.NameAr, d.NameEn, d.HasExpiryDate, d.MaxAgeDays, d.IsActive))
            .ToListAsync(ct);

    public async Task<(DocumentTypeForm Form, Guid Version, DocumentTypeRow Row)> DocumentTypeForEditAsync(Guid id, CancellationToken ct)
    {
        var d = await db.DocumentTypes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(DocumentType), id);
        return (DocumentTypes.ToForm(d), d.Version, new DocumentTypeRow(d.Id, d.Code, d.NameAr, d.NameEn, d.HasExpiryDate, d.MaxAgeDays, d.IsActive));
    }

    public async Task<IReadOnlyList<ServiceRow>> ServicesAsync(CancellationToken ct) =>
        await db.SupportServices.AsNoTracking()
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.Code)
            .Take(MaxRows)
            .Select(s => new ServiceRow(
                s.Id, s.Code, s.NameAr, s.NameEn, s.DefaultAmountHalalas, s.IsActive,
                s.Requirements.Count(r => r.IsMandatory), s.Requirements.Count(r => !r.IsMandatory)))
            .ToListAsync(ct);

    public async Task<(SupportServiceForm Form, Guid Version, ServiceRow Row)> ServiceForEditAsync(Guid id, CancellationToken ct)
    {
        var s = await db.SupportServices.AsNoTracking().Include(x => x.Requirements).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(SupportService), id);
        var row = new ServiceRow(s.Id, s.Code, s.NameAr, s.NameEn, s.DefaultAmountHalalas, s.IsActive,
            s.Requirements.Count(r => r.IsMandatory), s.Requirements.Count(r => !r.IsMandatory));
        return (SupportServices.ToForm(s), s.Version, row);
    }

    /// <summary>
    /// The checklist of a service's form: every active document type, plus inactive ones the chosen levels
    /// still name (so the admin sees them and can remove them), each with the level posted or stored.
    /// </summary>
    public async Task<IReadOnlyList<RequirementLine>> ChecklistAsync(IReadOnlyCollection<RequirementChoice> choices, CancellationToken ct)
    {
        var chosen = choices.Where(c => c.Level != RequirementLevel.NotRequired).Select(c => c.DocumentTypeId).ToList();
        var types = await db.DocumentTypes.AsNoTracking()
            .Where(d => d.IsActive || chosen.Contains(d.Id))
            .OrderBy(d => d.Code)
            .Take(MaxRows)
            .Select(d => new DocumentTypeRow(d.Id, d.Code, d.NameAr, d.NameEn, d.HasExpiryDate, d.MaxAgeDays, d.IsActive))
            .ToListAsync(ct);
        var levels = choices.GroupBy(c => c.DocumentTypeId).ToDictionary(g => g.Key, g => g.Last().Level);
        return types.Select(t => new RequirementLine(t, levels.GetValueOrDefault(t.Id, RequirementLevel.NotRequired))).ToList();
    }

    /// <summary>Services the front desk can open a request for, by code.</summary>
    public async Task<IReadOnlyList<ServiceOption>> ActiveServicesAsync(CancellationToken ct) =>
        await db.SupportServices.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Code)
            .Take(MaxRows)
            .Select(s => new ServiceOption(s.Id, s.Code, s.NameAr, s.NameEn, s.DefaultAmountHalalas))
            .ToListAsync(ct);

    /// <summary>
    /// The documents the intake must collect for a service: mandatory first, then by code. A document type
    /// the admin deactivated is no longer asked for, even if a service still names it. An id that is not a
    /// service of this association is "not found".
    /// </summary>
    public async Task<IReadOnlyList<RequiredDocument>> RequirementsForAsync(Guid serviceId, CancellationToken ct)
    {
        if (!await db.SupportServices.AnyAsync(s => s.Id == serviceId, ct))
        {
            throw new EntityNotFoundException(nameof(SupportService), serviceId);
        }

        return await db.ServiceRequirements.AsNoTracking()
            .Where(r => r.ServiceId == serviceId)
            .Join(db.DocumentTypes.Where(d => d.IsActive), r => r.DocumentTypeId, d => d.Id, (r, d) => new { r.IsMandatory, Type = d })
            .OrderByDescending(x => x.IsMandatory).ThenBy(x => x.Type.Code)
            .Select(x => new RequiredDocument(x.Type.Id, x.Type.Code, x.Type.NameAr, x.Type.NameEn, x.IsMandatory, x.Type.HasExpiryDate, x.Type.MaxAgeDays))
            .ToListAsync(ct);
    }
}
