using System.Globalization;
using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Letters;

/// <summary>What every letter about a request needs: the request, its applicant and its service, in the letter's language.</summary>
public sealed record RequestLetterData(
    Guid Id,
    string Number,
    string BeneficiaryName,
    string ServiceName,
    RequestState State,
    DateOnly? SubmittedOn,
    DateOnly? VerifiedOn,
    DateOnly? DecisionDueOn,
    DateOnly? DecidedOn)
{
    /// <summary>The request (404 when it is not this association's), with names in the current UI culture.</summary>
    public static async Task<RequestLetterData> LoadAsync(AppDbContext db, Guid requestId, CancellationToken ct)
    {
        var row = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Join(db.Beneficiaries, r => r.BeneficiaryId, b => b.Id, (r, b) => new
            {
                r.Id, r.Number, r.State, r.SubmittedOn, r.VerifiedOn, r.DecisionDueOn, r.DecidedOn, r.ServiceId,
                Name = b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName,
            })
            .Join(db.SupportServices, x => x.ServiceId, s => s.Id, (x, s) => new { x, s.NameAr, s.NameEn })
            .SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException(nameof(SupportRequest), requestId);
        return new RequestLetterData(row.x.Id, row.x.Number, row.x.Name, LocalName(row.NameAr, row.NameEn),
            row.x.State, row.x.SubmittedOn, row.x.VerifiedOn, row.x.DecisionDueOn, row.x.DecidedOn);
    }

    /// <summary>A catalogue name in the letter's language (Arabic when there is no English name).</summary>
    public static string LocalName(string nameAr, string? nameEn) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" || string.IsNullOrWhiteSpace(nameEn) ? nameAr : nameEn;
}
