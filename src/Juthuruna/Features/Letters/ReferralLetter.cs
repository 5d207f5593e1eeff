using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

public sealed record ReferralModel(string RequestNumber, string ServiceName, string Question, string ResearcherName, DateOnly ReferredOn, string? Answer, DateOnly? AnsweredOn);

/// <summary>
/// إحالة (policy step 3: "في حالة عدم وضوح الإجراءات للمستخدم فعلى الموظف إحالته لمسؤول البحث الاجتماعي"): the
/// applicant's question was referred to a social researcher; quotes the question, and the answer once given.
/// About the request's latest referral, offered once the request has one.
/// </summary>
public sealed class ReferralLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    public override LetterKind Kind => LetterKind.Referral;

    public override bool Offers(RequestDetails request) => request.Referrals.Count > 0;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        var referral = await db.Referrals.AsNoTracking().Where(r => r.RequestId == subjectId)
            .OrderByDescending(r => r.AskedAtUtc)
            .Select(r => new { r.Question, r.ResearcherId, r.AskedAtUtc, r.Answer, r.AnsweredAtUtc })
            .FirstOrDefaultAsync(ct);
        if (referral is null)
        {
            return DraftResult.Refused(l["The referral letter can be issued once the request has been referred to a social researcher."]);
        }

        var researcher = await db.Users.AsNoTracking().Where(u => u.Id == referral.ResearcherId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        var answered = referral.AnsweredAtUtc is { } at && !string.IsNullOrWhiteSpace(referral.Answer);
        var model = new ReferralModel(request.Number, request.ServiceName, referral.Question, researcher ?? "—", DualDate.RiyadhDay(referral.AskedAtUtc),
            answered ? referral.Answer : null, answered ? DualDate.RiyadhDay(referral.AnsweredAtUtc!.Value) : null);
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Referral of your enquiry to the social researcher"], typeof(ReferralBody), model));
    }

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Referral of your enquiry to the social researcher"], typeof(ReferralBody),
            new ReferralModel("JTH-1448-000123", l["Sample service"], l["Must the family provide the title deed of their home if they rent it?"], l["Noura Saad Al-Qahtani"],
                new DateOnly(2026, 11, 23), l["A lease contract registered on the Ejar platform completes the request; no title deed is needed for a rented home."], new DateOnly(2026, 11, 25)));
}
