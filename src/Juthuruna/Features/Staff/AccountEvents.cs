using Juthuruna.Common.Text;
using Juthuruna.Features.Audit;
using Juthuruna.Identity;

namespace Juthuruna.Features.Staff;

/// <summary>Why a sign-in was refused: shown to the administrator in the audit log, never to the person signing in.</summary>
public enum SignInOutcome
{
    WrongPassword = 1,
    LockedOut = 2,
    Disabled = 3,
    AssociationSuspended = 4,
    UnknownEmail = 5,
}

/// <summary>
/// Staff account events in the audit log the administrator reads (issue 17, item 11): the record kind is the account
/// (<see cref="Kind"/>), the action says what happened. Each entry is added to the same unit of work as the change it
/// records, so the log and the account never disagree.
/// </summary>
public static class AccountEvents
{
    public const string Kind = nameof(ApplicationUser);

    /// <summary>A typed e-mail is kept to this many characters (bidi controls removed): the log is not a place to store text.</summary>
    public const int MaxTypedEmail = 100;

    public static AuditEntry Entry(AuditAction action, string actor, string entityId, DateTime atUtc, params FieldChange[] changes) => new()
    {
        AtUtc = atUtc,
        UserId = actor,
        Action = action,
        EntityType = Kind,
        EntityId = entityId,
        Changes = AuditChanges.ToJson(changes),
    };

    /// <summary>A sign-in attempt: by the account's user on success; by <see cref="AuditEntry.SignInUser"/> with the typed e-mail when refused.</summary>
    public static AuditEntry SignIn(Guid? userId, bool succeeded, SignInOutcome? outcome, string typedEmail, string? clientAddress, DateTime atUtc) =>
        Entry(
            succeeded ? AuditAction.SignedIn : AuditAction.SignInFailed,
            succeeded && userId is { } id ? id.ToString() : AuditEntry.SignInUser,
            userId?.ToString() ?? "",
            atUtc,
            new FieldChange("Email", null, TypedEmail(typedEmail)),
            new FieldChange("ClientAddress", null, clientAddress),
            new FieldChange("Outcome", null, outcome?.ToString()));

    public static string TypedEmail(string typed)
    {
        var text = UserText.SingleLine(typed);
        return text.Length <= MaxTypedEmail ? text : text[..MaxTypedEmail];
    }
}
