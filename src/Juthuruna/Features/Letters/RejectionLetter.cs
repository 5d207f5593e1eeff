using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

/// <param name="Phone">The association's phone from its letterhead, for the applicant to ask about the decision.</param>
public sealed record RejectionModel(string RequestNumber, string ServiceName, string SessionNumber, DateOnly HeldOn, string Reasons, string? Phone, string? Email);

/// <summary>
/// قرار الاعتذار: the research committee did not approve the request; its reasons are quoted as recorded, with how
/// to ask for reconsideration or reach the association. Offered once the request is rejected.
/// </summary>
public sealed class RejectionLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    public override LetterKind Kind => LetterKind.Rejection;

    public override bool Offers(RequestDetails request) => request.State == RequestState.Rejected;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        if (request.State != RequestState.Rejected || await CommitteeLetterData.LatestAsync(db, subjectId, CommitteeDecision.Reject, ct) is not { } decision)
        {
            return DraftResult.Refused(l["The rejection letter can be issued once the committee has rejected the request."]);
        }

        var head = await Letterhead.LoadAsync(db, ct);
        var model = new RejectionModel(request.Number, request.ServiceName, decision.SessionNumber, decision.HeldOn,
            string.IsNullOrWhiteSpace(decision.Reasons) ? "—" : decision.Reasons.Trim(), Blank(head.Phone), Blank(head.Email));
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Committee decision on your support request"], typeof(RejectionBody), model));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Committee decision on your support request"], typeof(RejectionBody),
            new RejectionModel("JTH-1448-000123", l["Sample service"], "1448/07", new DateOnly(2026, 12, 3), l["The family's monthly income exceeds the eligibility limit of the support policy guide, and the social research found no urgent need."],
                "0126543210", "info@example.org"));
}
