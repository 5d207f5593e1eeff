using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

public sealed record ReceiptModel(string RequestNumber, string ServiceName, DateOnly SubmittedOn, int WindowDays, DateOnly DecisionDueOn);

/// <summary>
/// إشعار استلام (policy step 5): the request is complete and verified, and the committee decides by the due date.
/// Offered from verification on, since the due date is known from then.
/// </summary>
public sealed class ReceiptLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    public override LetterKind Kind => LetterKind.Receipt;

    public override bool Offers(RequestDetails request) => request.DecisionDueOn is not null;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        if (request.DecisionDueOn is not { } due || request.VerifiedOn is not { } verified)
        {
            return DraftResult.Refused(l["The receipt letter can be issued once the request is verified."]);
        }

        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId).Select(t => t.Settings.DecisionWindowDays).SingleAsync(ct);
        var model = new ReceiptModel(request.Number, request.ServiceName, request.SubmittedOn ?? verified, days, due);
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Receipt of your support request"], typeof(ReceiptBody), model));
    }

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Receipt of your support request"], typeof(ReceiptBody),
            new ReceiptModel("JTH-1448-000123", l["Sample service"], new DateOnly(2026, 11, 22), 14, new DateOnly(2026, 12, 6)));
}
