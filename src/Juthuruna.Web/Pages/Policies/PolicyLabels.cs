using System.Globalization;
using Juthuruna.Features.Policies;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Policies;

/// <summary>How the pages name each kind of document and each status of a version.</summary>
public static class PolicyLabels
{
    public static string Kind(PolicyKind kind, IStringLocalizer l) => kind switch
    {
        PolicyKind.Bylaws => l["Association bylaws"],
        PolicyKind.ResearchServicesGuide => l["Social research services guide"],
        PolicyKind.SupportPolicyGuide => l["Support policy guide"],
        PolicyKind.SupportRequestForm => l["Support request form"],
        PolicyKind.BeneficiaryRelationsPolicy => l["Beneficiary relations policy"],
        PolicyKind.Other => l["Other document"],
        _ => kind.ToString(),
    };

    public static string Status(PolicyVersionStatus status, IStringLocalizer l) => status switch
    {
        PolicyVersionStatus.Draft => l["Draft"],
        PolicyVersionStatus.Approved => l["Approved (in force)"],
        PolicyVersionStatus.Superseded => l["Superseded"],
        _ => status.ToString(),
    };

    public static string StatusBadge(PolicyVersionStatus status) => status switch
    {
        PolicyVersionStatus.Approved => "text-bg-success",
        PolicyVersionStatus.Draft => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    /// <summary>The title in the page's language.</summary>
    public static string Title(string titleAr, string titleEn) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? titleAr : titleEn;
}
