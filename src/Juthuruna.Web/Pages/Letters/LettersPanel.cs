using Juthuruna.Features.Letters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>
/// The letters card of a request or committee session page. A refused issue comes back through TempData (the
/// issue form posts to /Letters/Issue), with the choice the user made still selected.
/// </summary>
public sealed record LettersPanel(Guid SubjectId, IReadOnlyList<LetterRow> Issued, IReadOnlyList<LetterKind> Offered, string ReturnUrl)
{
    public const string ErrorKey = "LetterError";
    public const string KindKey = "LetterKind";
    public const string LanguageKey = "LetterLanguage";

    public string? Error { get; init; }
    public LetterKind? LastKind { get; init; }
    public string LastLanguage { get; init; } = "ar";

    public static LettersPanel From(ITempDataDictionary tempData, Guid subjectId, IReadOnlyList<LetterRow> issued, IReadOnlyList<LetterKind> offered, string returnUrl) =>
        new(subjectId, issued, offered, returnUrl)
        {
            Error = tempData[ErrorKey] as string,
            LastKind = tempData[KindKey] is string kind && Enum.TryParse<LetterKind>(kind, out var k) ? k : null,
            LastLanguage = tempData[LanguageKey] as string ?? "ar",
        };
}
