using FluentValidation;
using Juthuruna.Common.Money;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Services;

/// <summary>Writes of the association's services and their required documents: create, edit (with the version check), deactivate.</summary>
public sealed class SupportServices(AppDbContext db, IValidator<SupportServiceForm> validator, ServiceNameCache names, IStringLocalizer<SharedResource> l)
{
    public async Task<CatalogueSaveResult<SupportServiceForm>> CreateAsync(SupportServiceForm form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return CatalogueSaveResult.Invalid<SupportServiceForm>(validation);
        }

        var code = CatalogueText.NormalizeCode(form.Code);
        if (await CodeTakenAsync(code, null, ct))
        {
            return DuplicateCode();
        }

        if (!await DocumentTypesAllowedAsync(form, [], ct))
        {
            return UnknownDocumentType();
        }

        var service = new SupportService { Code = code, NameAr = "" };
        Apply(form, service);
        db.SupportServices.Add(service);
        return await SaveAsync(service, code, ct);
    }

    public async Task<CatalogueSaveResult<SupportServiceForm>> UpdateAsync(Guid id, Guid version, SupportServiceForm form, CancellationToken ct)
    {
        // Found first: another association's id is "not found" whatever the form holds.
        var service = await FindAsync(id, ct);
        if (service.Version != version)
        {
            return CatalogueSaveResult.Stale<SupportServiceForm>(ToForm(service), service.Version);
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return CatalogueSaveResult.Invalid<SupportServiceForm>(validation);
        }

        var code = CatalogueText.NormalizeCode(form.Code);
        if (await CodeTakenAsync(code, id, ct))
        {
            return DuplicateCode();
        }

        if (!await DocumentTypesAllowedAsync(form, service.Requirements.Select(r => r.DocumentTypeId).ToHashSet(), ct))
        {
            return UnknownDocumentType();
        }

        Apply(form, service);
        service.Version = Guid.NewGuid();
        return await SaveAsync(service, code, ct);
    }

    /// <summary>No hard delete: requests refer to services. An inactive service can no longer be requested.</summary>
    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var service = await FindAsync(id, ct);
        if (service.IsActive != active)
        {
            service.IsActive = active;
            service.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            names.Invalidate(service.TenantId);
        }
    }

    public static SupportServiceForm ToForm(SupportService s) => new()
    {
        Code = s.Code,
        NameAr = s.NameAr,
        NameEn = s.NameEn,
        Description = s.Description,
        DefaultAmount = s.DefaultAmountHalalas is { } amount ? Riyals.ToInput(amount) : null,
        Requirements = s.Requirements
            .Select(r => new RequirementChoice { DocumentTypeId = r.DocumentTypeId, Level = r.IsMandatory ? RequirementLevel.Mandatory : RequirementLevel.Optional })
            .ToList(),
    };

    // Called after validation: every parse below succeeds.
    private static void Apply(SupportServiceForm form, SupportService s)
    {
        s.Code = CatalogueText.NormalizeCode(form.Code);
        s.NameAr = form.NameAr!.Trim();
        s.NameEn = CatalogueText.Clean(form.NameEn);
        s.Description = CatalogueText.Clean(form.Description);
        s.DefaultAmountHalalas = CatalogueText.TryParseAmount(form.DefaultAmount, out var amount) ? amount : null;

        // Rows are updated in place, so an unchanged checklist changes nothing and the unique index never sees a delete-then-insert.
        var wanted = form.Requirements.Where(r => r.Level != RequirementLevel.NotRequired).ToDictionary(r => r.DocumentTypeId, r => r.Level);
        s.Requirements.RemoveAll(r => !wanted.ContainsKey(r.DocumentTypeId));
        foreach (var (documentTypeId, level) in wanted)
        {
            var existing = s.Requirements.FirstOrDefault(r => r.DocumentTypeId == documentTypeId);
            if (existing is null)
            {
                s.Requirements.Add(new ServiceRequirement { DocumentTypeId = documentTypeId, IsMandatory = level == RequirementLevel.Mandatory });
            }
            else
            {
                existing.IsMandatory = level == RequirementLevel.Mandatory;
            }
        }
    }

    /// <summary>
    /// The ids come from a form: each must name an active document type of this association, or one the
    /// service already asks for (an inactive type may stay on a service until the admin removes it).
    /// </summary>
    private async Task<bool> DocumentTypesAllowedAsync(SupportServiceForm form, HashSet<Guid> alreadyRequired, CancellationToken ct)
    {
        var ids = form.Requirements.Where(r => r.Level != RequirementLevel.NotRequired).Select(r => r.DocumentTypeId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return true;
        }

        var found = await db.DocumentTypes.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.IsActive })
            .ToListAsync(ct);
        return found.Count == ids.Count && found.All(d => d.IsActive || alreadyRequired.Contains(d.Id));
    }

    private async Task<CatalogueSaveResult<SupportServiceForm>> SaveAsync(SupportService service, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            names.Invalidate(service.TenantId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(service.Id, ct);
            return CatalogueSaveResult.Stale<SupportServiceForm>(ToForm(current), current.Version);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same code raced past the check: the unique index decided.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(code, service.Id, ct))
            {
                return DuplicateCode();
            }

            throw;
        }

        return CatalogueSaveResult.Saved<SupportServiceForm>(service.Id);
    }

    private async Task<SupportService> FindAsync(Guid id, CancellationToken ct) =>
        await db.SupportServices.Include(s => s.Requirements).SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new EntityNotFoundException(nameof(SupportService), id);

    private Task<bool> CodeTakenAsync(string code, Guid? except, CancellationToken ct) =>
        db.SupportServices.AnyAsync(s => s.Code == code && s.Id != except, ct);

    private CatalogueSaveResult<SupportServiceForm> DuplicateCode() =>
        CatalogueSaveResult.Fail<SupportServiceForm>(nameof(SupportServiceForm.Code), l["Another service already uses this code."]);

    private CatalogueSaveResult<SupportServiceForm> UnknownDocumentType() =>
        CatalogueSaveResult.Fail<SupportServiceForm>(nameof(SupportServiceForm.Requirements), l["Choose document types of the association."]);
}
