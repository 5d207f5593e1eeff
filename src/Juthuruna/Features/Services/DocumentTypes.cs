using FluentValidation;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Services;

/// <summary>Writes of the association's document types: create, edit (with the version check), deactivate.</summary>
public sealed class DocumentTypes(AppDbContext db, IValidator<DocumentTypeForm> validator, IStringLocalizer<SharedResource> l)
{
    public async Task<CatalogueSaveResult<DocumentTypeForm>> CreateAsync(DocumentTypeForm form, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return CatalogueSaveResult.Invalid<DocumentTypeForm>(validation);
        }

        var code = CatalogueText.NormalizeCode(form.Code);
        if (await CodeTakenAsync(code, null, ct))
        {
            return DuplicateCode();
        }

        var documentType = new DocumentType { Code = code, NameAr = "" };
        Apply(form, documentType);
        db.DocumentTypes.Add(documentType);
        return await SaveAsync(documentType, code, ct);
    }

    public async Task<CatalogueSaveResult<DocumentTypeForm>> UpdateAsync(Guid id, Guid version, DocumentTypeForm form, CancellationToken ct)
    {
        // Found first: another association's id is "not found" whatever the form holds.
        var documentType = await FindAsync(id, ct);
        if (documentType.Version != version)
        {
            return CatalogueSaveResult.Stale<DocumentTypeForm>(ToForm(documentType), documentType.Version);
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return CatalogueSaveResult.Invalid<DocumentTypeForm>(validation);
        }

        var code = CatalogueText.NormalizeCode(form.Code);
        if (await CodeTakenAsync(code, id, ct))
        {
            return DuplicateCode();
        }

        Apply(form, documentType);
        documentType.Version = Guid.NewGuid();
        return await SaveAsync(documentType, code, ct);
    }

    /// <summary>No hard delete: requests refer to document types. Inactive types are no longer asked for.</summary>
    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var documentType = await FindAsync(id, ct);
        if (documentType.IsActive != active)
        {
            documentType.IsActive = active;
            documentType.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
        }
    }

    public static DocumentTypeForm ToForm(DocumentType d) => new()
    {
        Code = d.Code,
        NameAr = d.NameAr,
        NameEn = d.NameEn,
        HasExpiryDate = d.HasExpiryDate,
        MaxAgeDays = d.MaxAgeDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // Called after validation: every parse below succeeds.
    private static void Apply(DocumentTypeForm form, DocumentType d)
    {
        d.Code = CatalogueText.NormalizeCode(form.Code);
        d.NameAr = form.NameAr!.Trim();
        d.NameEn = CatalogueText.Clean(form.NameEn);
        d.HasExpiryDate = form.HasExpiryDate;
        d.MaxAgeDays = CatalogueText.TryParseMaxAge(form.MaxAgeDays, out var days) ? days : null;
    }

    private async Task<CatalogueSaveResult<DocumentTypeForm>> SaveAsync(DocumentType documentType, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(documentType.Id, ct);
            return CatalogueSaveResult.Stale<DocumentTypeForm>(ToForm(current), current.Version);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same code raced past the check: the unique index decided.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(code, documentType.Id, ct))
            {
                return DuplicateCode();
            }

            throw;
        }

        return CatalogueSaveResult.Saved<DocumentTypeForm>(documentType.Id);
    }

    private async Task<DocumentType> FindAsync(Guid id, CancellationToken ct) =>
        await db.DocumentTypes.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new EntityNotFoundException(nameof(DocumentType), id);

    private Task<bool> CodeTakenAsync(string code, Guid? except, CancellationToken ct) =>
        db.DocumentTypes.AnyAsync(d => d.Code == code && d.Id != except, ct);

    private CatalogueSaveResult<DocumentTypeForm> DuplicateCode() =>
        CatalogueSaveResult.Fail<DocumentTypeForm>(nameof(DocumentTypeForm.Code), l["Another document type already uses this code."]);
}
