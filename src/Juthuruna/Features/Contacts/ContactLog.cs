using FluentValidation;
using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Contacts;

/// <summary>Outcome of logging a contact: saved (<see cref="Id"/>, also for a repeated post of the same form) or refused with field errors.</summary>
public sealed record ContactSaveResult
{
    public Guid? Id { get; init; }
    public IReadOnlyList<(string Field, string Message)> Errors { get; init; } = [];
    public bool Succeeded => Id is not null;
}

/// <summary>Writes of the contacts log: log a contact, link an unknown caller's contact to a beneficiary file.</summary>
public sealed class ContactLog(AppDbContext db, TimeProvider clock, IValidator<ContactForm> validator, IStringLocalizer<SharedResource> l)
{
    public async Task<ContactSaveResult> CreateAsync(ContactForm form, Guid staffUserId, CancellationToken ct)
    {
        // A second post of the same form answers with the first row, before validation can refuse it.
        if (await FindByKeyAsync(form.IdempotencyKey, ct) is { } existing)
        {
            return new ContactSaveResult { Id = existing };
        }

        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return new ContactSaveResult { Errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList() };
        }

        if (form.BeneficiaryId is { } beneficiaryId && !await db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId, ct))
        {
            return new ContactSaveResult { Errors = [(nameof(ContactForm.BeneficiaryId), l["The beneficiary file was not found."].Value)] };
        }

        // Validated above: the parse succeeds.
        var occurredAt = ContactTimes.TryParseSaudiTime(form.OccurredAt, out var parsed) ? parsed : clock.GetUtcNow().UtcDateTime;
        DateOnly? followUp = ContactTimes.TryParseDate(form.FollowUpOn, out var d) ? d : null;
        string? mobile = form.BeneficiaryId is null && SaudiMobile.TryNormalize(form.CallerMobile, out var e164) ? e164 : null;
        var branchId = await db.Users.Where(u => u.Id == staffUserId).Select(u => u.BranchId).SingleOrDefaultAsync(ct);

        var contact = new Contact
        {
            OccurredAtUtc = occurredAt,
            Channel = form.Channel!.Value,
            Direction = form.Direction!.Value,
            Type = form.Type!.Value,
            Summary = form.Summary!.Trim(),
            Outcome = Clean(form.Outcome),
            FollowUpOn = followUp,
            StaffUserId = staffUserId,
            BranchId = branchId,
            BeneficiaryId = form.BeneficiaryId,
            CallerName = form.BeneficiaryId is null ? Clean(form.CallerName) : null,
            CallerMobile = mobile,
            IdempotencyKey = form.IdempotencyKey,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Contacts.Add(contact);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two posts of the same form raced past the check above: the unique index decided.
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(form.IdempotencyKey, ct) is { } raced)
            {
                return new ContactSaveResult { Id = raced };
            }

            throw;
        }

        return new ContactSaveResult { Id = contact.Id };
    }

    /// <summary>Links a contact to a file; both must belong to this association (otherwise "not found").</summary>
    public async Task LinkAsync(Guid contactId, Guid beneficiaryId, Guid staffUserId, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct)
            ?? throw new EntityNotFoundException(nameof(Contact), contactId);
        if (!await db.Beneficiaries.AnyAsync(b => b.Id == beneficiaryId, ct))
        {
            throw new EntityNotFoundException(nameof(Beneficiaries.Beneficiary), beneficiaryId);
        }

        contact.BeneficiaryId = beneficiaryId;
        contact.LinkedAtUtc = clock.GetUtcNow().UtcDateTime;
        contact.LinkedByUserId = staffUserId;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Guid?> FindByKeyAsync(Guid key, CancellationToken ct) =>
        key == Guid.Empty
            ? null
            : await db.Contacts.AsNoTracking().Where(c => c.IdempotencyKey == key).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
