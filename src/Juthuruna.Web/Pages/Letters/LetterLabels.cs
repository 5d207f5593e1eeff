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

    /// <summary>The badge of an entry that is not (or not yet) a letter; null for an issued one.</summary>
    public static string? Status(LetterStatus status, LetterSpoiledReason? reason, IStringLocalizer l) => status switch
    {
        LetterStatus.Printing => l["Being printed"].Value,
        LetterStatus.Spoiled => reason switch
        {
            LetterSpoiledReason.PrinterUnavailable => l["Spoiled: the PDF printer was unavailable"].Value,
            LetterSpoiledReason.PrintTimedOut => l["Spoiled: printing took too long"].Value,
            LetterSpoiledReason.Interrupted => l["Spoiled: printing was interrupted"].Value,
            _ => l["Spoiled: printing failed"].Value,
        },
        _ => null,
    };

    public static string Language(string language, IStringLocalizer l) => language == "en" ? l["English"] : l["Arabic"];
}
