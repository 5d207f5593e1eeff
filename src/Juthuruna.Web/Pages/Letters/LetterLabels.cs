using Juthuruna.Features.Letters;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>How the pages name each kind of letter and each language.</summary>
public static class LetterLabels
{
    public static string Kind(LetterKind kind, IStringLocalizer l) => kind switch
    {
        LetterKind.Receipt => l["Receipt of request"],
        LetterKind.MissingDocuments => l["Missing documents notice"],
        LetterKind.Referral => l["Referral letter"],
        LetterKind.Approval => l["Approval decision"],
        LetterKind.Rejection => l["Rejection decision"],
        LetterKind.RegistrationConfirmation => l["Registration confirmation"],
        LetterKind.SessionMinutes => l["Committee session minutes"],
        _ => kind.ToString(),
    };

    public static string Language(string language, IStringLocalizer l) => language == "en" ? l["English"] : l["Arabic"];
}
