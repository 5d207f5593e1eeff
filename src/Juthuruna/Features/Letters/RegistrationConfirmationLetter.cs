using Juthuruna.Data;
using Juthuruna.Features.Letters.Templates;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Letters;

public sealed record RegistrationConfirmationModel(
    string RequestNumber, string BeneficiaryNumber, DateOnly EligibleFrom, DateOnly EligibleTo, IReadOnlyList<string> ApprovedServices, long? AmountHalalas);

/// <summary>
/// تأكيد التسجيل (policy step 6): the beneficiary number, the eligibility period and the approved services.
/// Offered from registration on.
/// </summary>
public sealed class RegistrationConfirmationLetter(IStringLocalizer<SharedResource> l) : LetterTemplate
{
    public override LetterKind Kind => LetterKind.RegistrationConfirmation;

    public override bool Offers(RequestDetails request) => IsRegistered(request.State);

    private static bool IsRegistered(RequestState state) => state is RequestState.Registered or RequestState.InService or RequestState.Closed;

    public override async Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct)
    {
        var request = await RequestLetterData.LoadAsync(db, subjectId, ct);
        var registration = IsRegistered(request.State)
            ? await db.Registrations.AsNoTracking().Where(r => r.RequestId == subjectId)
                .Select(r => new { r.BeneficiaryNumber, r.EligibleFrom, r.EligibleTo, r.ApprovedServiceIds, r.ApprovedAmountHalalas })
                .SingleOrDefaultAsync(ct)
            : null;
        if (registration is null)
        {
            return DraftResult.Refused(l["The registration confirmation can be issued once the beneficiary has been registered for the request."]);
        }

        var services = await CommitteeLetterData.ServiceNamesAsync(db, registration.ApprovedServiceIds, ct);
        var model = new RegistrationConfirmationModel(request.Number, registration.BeneficiaryNumber, registration.EligibleFrom, registration.EligibleTo,
            services, registration.ApprovedAmountHalalas);
        return DraftResult.Of(new LetterDraft(request.BeneficiaryName, l["Confirmation of your registration as a beneficiary"], typeof(RegistrationConfirmationBody), model));
    }

    public override LetterDraft Sample() =>
        new(l["Sample beneficiary name"], l["Confirmation of your registration as a beneficiary"], typeof(RegistrationConfirmationBody),
            new RegistrationConfirmationModel("JTH-1448-000123", "JTH-00457", new DateOnly(2026, 12, 6), new DateOnly(2027, 6, 5),
                [l["Sample service"], l["Monthly food basket"]], 450_000));
}
