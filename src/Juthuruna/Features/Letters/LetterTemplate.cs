using Juthuruna.Data;
using Juthuruna.Features.SupportRequests;

namespace Juthuruna.Features.Letters;

/// <summary>
/// One letter's content: who it is addressed to, its subject line, and the Razor component that writes its body
/// from <see cref="Model"/> (a component with a <c>[Parameter] Model</c> of that type).
/// </summary>
/// <param name="Addressed">
/// A letter to someone (greeting, closing, the signatory's block); false for a record such as the minutes,
/// whose body carries its own signature lines.
/// </param>
public sealed record LetterDraft(string RecipientName, string Title, Type Body, object Model, bool Addressed = true);

/// <summary>A draft, or why this letter cannot be issued now (a message for the user).</summary>
public sealed record DraftResult(LetterDraft? Draft, string? Refusal)
{
    public static DraftResult Of(LetterDraft draft) => new(draft, null);

    public static DraftResult Refused(string message) => new(null, message);
}

/// <summary>
/// A kind of letter: reads what it says from the database, in the letter's language (the caller has set the UI
/// culture), and can write itself with sample data for the administrator's preview. One class per kind.
/// </summary>
public abstract class LetterTemplate
{
    public abstract LetterKind Kind { get; }

    public LetterSubject Subject => Letter.SubjectOf(Kind);

    /// <summary>The letter about <paramref name="subjectId"/> as it stands now, or the reason it cannot be written yet.</summary>
    public abstract Task<DraftResult> DraftAsync(AppDbContext db, Guid subjectId, CancellationToken ct);

    /// <summary>The same letter with invented data: the preview shows the letterhead and the wording, nobody's file.</summary>
    public abstract LetterDraft Sample();

    /// <summary>Whether the request page offers this letter in the request's current state (the draft checks the rest).</summary>
    public virtual bool Offers(RequestDetails request) => false;
}
