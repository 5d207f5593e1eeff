using Juthuruna.Features.Letters;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>The names staff know the letters by, for lists, menus and the preview.</summary>
public static class LetterLabels
{
    public static string Kind(LetterKind kind, IStringLocalizer l) => kind switch
    {
        LetterKind.Receipt => l["Request receipt notice"],
        LetterKind.MissingDocuments => l["Missing documents notice"],
        LetterKind.Referral => l["Referral letter"],
        LetterKind.Approval => l["Approval decision"],
        LetterKind.Rejection => l["Rejection decision"],
        LetterKind.RegistrationConfirmation => l["Registration confirmation"],
        LetterKind.SessionMinutes => l["Committee session minutes"],
        _ => kind.ToString(),
    };
}
