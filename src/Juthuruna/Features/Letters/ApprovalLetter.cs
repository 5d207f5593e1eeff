using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

public sealed record ApprovalModel(string RequestNumber, string ServiceName, string SessionNumber, DateOnly HeldOn, IReadOnlyList<string> ApprovedServices, long? AmountHalalas);

/// <summary>
/// قرار الموافقة: the research committee approved the request (session, date, services, amount); the next step is
/// registration (policy step 6). Offered from approval on: the decision stays true after registration.
/// </summary>
public sealed class ApprovalLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    public override LetterKind Kind => LetterKind.Approval;

    public override bool Offers(RequestDetails request) => IsApproved(request.State);

    private static bool IsApproved(RequestState state) =>
        state is RequestState.Approved or RequestState.Registered or RequestState.InService or RequestState.Closed;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        if (!IsApproved(request.State) || await CommitteeLetterData.LatestAsync(db, subjectId, CommitteeDecision.Approve, ct) is not { } decision)
        {
            return DraftResult.Refused(l["The approval letter can be issued once the committee has approved the request."]);
        }

        // A chair who approved without naming services approved the service requested (as the registration reads it).
        var serviceIds = decision.ApprovedServiceIds.Count > 0
            ? decision.ApprovedServiceIds
            : [await db.SupportRequests.AsNoTracking().Where(r => r.Id == subjectId).Select(r => r.ServiceId).SingleAsync(ct)];
        var services = await CommitteeLetterData.ServiceNamesAsync(db, serviceIds, ct);
        var model = new ApprovalModel(request.Number, request.ServiceName, decision.SessionNumber, decision.HeldOn, services, decision.ApprovedAmountHalalas);
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Approval of your support request"], typeof(ApprovalBody), model));
    }

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Approval of your support request"], typeof(ApprovalBody),
            new ApprovalModel("JTH-1448-000123", l["Sample service"], "1448/07", new DateOnly(2026, 12, 3),
                [l["Sample service"], l["Monthly food basket"]], 450_000));
}
