using Juthuruna.Features.Beneficiaries;

namespace Juthuruna.Web.Pages.Beneficiaries;

/// <summary>What the create and edit forms show above the fields when a save was refused or held back.</summary>
public sealed record SaveProblems(BeneficiaryMatch? Duplicate, IReadOnlyList<BeneficiaryMatch> Similar, IReadOnlyList<HouseholdMatch> Household)
{
    public static readonly SaveProblems None = new(null, [], []);

    public static SaveProblems Of(BeneficiarySaveResult result) => new(result.Duplicate, result.Similar, result.Household);
}

internal static class ModelStateExtensions
{
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix, BeneficiarySaveResult result)
    {
        foreach (var (field, message) in result.Errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{prefix}.{field}", message);
        }
    }
}
