using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Policies;

public sealed record NewPolicyDocument(string? TitleAr, string? TitleEn, PolicyKind Kind, bool IsPublic, string? Text, Guid IdempotencyKey);

/// <summary>
/// Writes of policy documents (the administrator's): create a document with its first draft, edit the draft, start a
/// new draft from the approved text, approve a draft (superseding the version in force), publish or withdraw it.
/// Approved and superseded versions are never changed.
/// </summary>
public sealed class PolicyDocuments(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private RequestResult StaleDraft(Guid id) => new(id, [("", l["Someone else changed this draft while you were editing it. Your text was not saved: it is still in the form below; compare it with the saved draft and save again."])], Stale: true);

    public async Task<RequestResult> CreateAsync(NewPolicyDocument command, Guid actor, CancellationToken ct)
    {
        // The same form posted twice: the first post's document is the answer to the second.
        if (await db.PolicyDocuments.AsNoTracking().Where(d => d.IdempotencyKey == command.IdempotencyKey).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            return RequestResult.Done(existing);
        }

        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(command.TitleAr))
        {
            errors.Add(("TitleAr", l["Enter the Arabic title."]));
        }
        else if (command.TitleAr.Trim().Length > PolicyDocument.MaxTitleLength)
        {
            errors.Add(("TitleAr", TextLimits.TooLong(l, PolicyDocument.MaxTitleLength)));
        }

        if (string.IsNullOrWhiteSpace(command.TitleEn))
        {
            errors.Add(("TitleEn", l["Enter the English title."]));
        }
        else if (command.TitleEn.Trim().Length > PolicyDocument.MaxTitleLength)
        {
            errors.Add(("TitleEn", TextLimits.TooLong(l, PolicyDocument.MaxTitleLength)));
        }

        if (!Enum.IsDefined(command.Kind))
        {
            errors.Add(("Kind", l["Choose the kind of document."]));
        }

        if ((command.Text?.Length ?? 0) > PolicyVersion.MaxTextLength)
        {
            errors.Add(("Text", TextLimits.TooLong(l, PolicyVersion.MaxTextLength)));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var document = new PolicyDocument
        {
            TitleAr = command.TitleAr!.Trim(),
            TitleEn = command.TitleEn!.Trim(),
            Kind = command.Kind,
            IsPublic = command.IsPublic,
            CreatedAtUtc = now,
            CreatedBy = actor,
            IdempotencyKey = command.IdempotencyKey,
        };
        db.PolicyDocuments.Add(document);
        db.PolicyVersions.Add(new PolicyVersion
        {
            DocumentId = document.Id,
            Number = 1,
            Text = Normalize(command.Text),
            CreatedAtUtc = now,
            CreatedBy = actor,
            UpdatedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        return RequestResult.Done(document.Id);
    }

    /// <summary>
    /// The document's draft, started from the approved text when there is none. Starting twice (a double click, or
    /// two administrators) gives the one draft: there is never a second.
    /// </summary>
    public async Task<RequestResult> StartDraftAsync(Guid documentId, Guid actor, CancellationToken ct)
    {
        var document = await db.PolicyDocuments.SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new EntityNotFoundException(nameof(PolicyDocument), documentId);
        if (await DraftIdAsync(documentId, ct) is { } draft)
        {
            return RequestResult.Done(draft);
        }

        var latest = await db.PolicyVersions.AsNoTracking().Where(v => v.DocumentId == documentId)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number }).FirstOrDefaultAsync(ct);
        var approvedText = await db.PolicyVersions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.Status == PolicyVersionStatus.Approved).Select(v => v.Text).SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new PolicyVersion
        {
            DocumentId = documentId,
            Number = (latest?.Number ?? 0) + 1,
            Text = approvedText ?? "",
            CreatedAtUtc = now,
            CreatedBy = actor,
            UpdatedAtUtc = now,
        };
        db.PolicyVersions.Add(version);
        document.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else started it at the same moment (the document's token or the number's unique index): theirs is the draft.
            db.ChangeTracker.Clear();
            return await DraftIdAsync(documentId, ct) is { } theirs ? RequestResult.Done(theirs) : throw new InvalidOperationException("No draft after a conflicting start.");
        }

        return RequestResult.Done(version.Id);
    }

    /// <summary>
    /// Saves the draft's text when the draft is still what the form was loaded with (<paramref name="token"/>);
    /// otherwise nothing is saved and the result is stale (the page keeps the typed text).
    /// </summary>
    public async Task<RequestResult> SaveDraftAsync(Guid documentId, Guid versionId, Guid token, string? text, CancellationToken ct)
    {
        var draft = await FindVersionAsync(documentId, versionId, ct);
        if (!draft.IsEditable)
        {
            return RequestResult.Fail("", l["This version has been approved: it can no longer be changed. Start a new draft."]);
        }

        if ((text?.Length ?? 0) > PolicyVersion.MaxTextLength)
        {
            return RequestResult.Fail("Text", TextLimits.TooLong(l, PolicyVersion.MaxTextLength));
        }

        var normalized = Normalize(text);
        if (draft.Version != token)
        {
            // The same text posted twice (a double click) is one save, not a conflict with itself.
            return draft.Text == normalized ? RequestResult.Done(draft.Id) : StaleDraft(draft.Id);
        }

        draft.Text = normalized;
        draft.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        draft.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleDraft(draft.Id);
        }

        return RequestResult.Done(draft.Id);
    }

    /// <summary>
    /// The board approved the draft as saved (<paramref name="token"/>): it comes into force and the previous approved
    /// version is superseded, in one transaction. Approving an already approved version again (a double submit) is done.
    /// </summary>
    public async Task<RequestResult> ApproveAsync(Guid documentId, Guid versionId, Guid token, string? boardSession, DateOnly? approvedOn, Guid actor, CancellationToken ct)
    {
        var draft = await FindVersionAsync(documentId, versionId, ct);
        var session = Common.Text.Digits.ToAscii(boardSession ?? "").Trim();
        if (draft.Status == PolicyVersionStatus.Approved && draft.BoardSession == session && draft.ApprovedOn == approvedOn)
        {
            return RequestResult.Done(draft.Id);
        }

        if (!draft.IsEditable)
        {
            return RequestResult.Fail("", l["This version is no longer a draft: it cannot be approved."]);
        }

        var errors = new List<(string, string)>();
        if (session.Length == 0)
        {
            errors.Add(("BoardSession", l["Enter the number of the board session that approved it."]));
        }
        else if (session.Length > PolicyVersion.MaxSessionLength)
        {
            errors.Add(("BoardSession", TextLimits.TooLong(l, PolicyVersion.MaxSessionLength)));
        }

        var today = DualDate.Today(clock);
        if (approvedOn is not { } date)
        {
            errors.Add(("ApprovedOn", l["Enter the date of the board session."]));
        }
        else if (date > today)
        {
            errors.Add(("ApprovedOn", l["The approval date cannot be in the future."]));
        }

        if (string.IsNullOrWhiteSpace(draft.Text))
        {
            errors.Add(("", l["The draft is empty: write the text before it is approved."]));
        }

        if (errors.Count > 0)
        {
            return new RequestResult(null, errors);
        }

        if (draft.Version != token)
        {
            return StaleDraft(draft.Id);
        }

        var document = await db.PolicyDocuments.SingleAsync(d => d.Id == documentId, ct);
        var inForce = await db.PolicyVersions.SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Status == PolicyVersionStatus.Approved, ct);
        draft.Approve(inForce, session, approvedOn!.Value, actor, clock.GetUtcNow().UtcDateTime);
        document.Version = Guid.NewGuid();
        try
        {
            // One SaveChanges is one transaction: the new version is in force exactly when the old one is superseded.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleDraft(draft.Id);
        }

        return RequestResult.Done(draft.Id);
    }

    public async Task SetPublicAsync(Guid documentId, bool isPublic, CancellationToken ct)
    {
        var document = await db.PolicyDocuments.SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new EntityNotFoundException(nameof(PolicyDocument), documentId);
        if (document.IsPublic != isPublic)
        {
            document.IsPublic = isPublic;
            await db.SaveChangesAsync(ct);
        }
    }

    private Task<Guid?> DraftIdAsync(Guid documentId, CancellationToken ct) =>
        db.PolicyVersions.AsNoTracking().Where(v => v.DocumentId == documentId && v.Status == PolicyVersionStatus.Draft)
            .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);

    private async Task<PolicyVersion> FindVersionAsync(Guid documentId, Guid versionId, CancellationToken ct) =>
        await db.PolicyVersions.SingleOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, ct)
            ?? throw new EntityNotFoundException(nameof(PolicyVersion), versionId);

    // Browsers post CRLF; the stored text (and so the diff) uses LF only.
    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
