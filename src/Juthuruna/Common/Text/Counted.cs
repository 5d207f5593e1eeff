namespace Juthuruna.Common.Text;

/// <summary>
/// Every counted phrase the application writes, in one place so a test can check each has its six Arabic
/// forms (<see cref="Plural"/>). Write them with <c>L.Count(Counted.X, n)</c>; never "N + noun".
/// Each phrase carries its grammatical context ("within 3 days" is "خلال يومين" for two, not "يومان").
/// </summary>
public static class Counted
{
    public static readonly CountedPhrase DaysLeft = new("{0} day left", "{0} days left");
    public static readonly CountedPhrase DaysOverdue = new("{0} day overdue", "{0} days overdue");
    public static readonly CountedPhrase DecidedDaysLate = new("Decided {0} day late", "Decided {0} days late");

    /// <summary>"within 4 days": a period after a preposition, written into a sentence as {n}.</summary>
    public static readonly CountedPhrase WithinDays = new("within {0} day", "within {0} days");

    /// <summary>"by more than 90 days": how far a document's issue date is before the submission.</summary>
    public static readonly CountedPhrase ByMoreThanDays = new("by more than {0} day", "by more than {0} days");

    public static readonly CountedPhrase AtMostDaysOld = new("At most {0} day old", "At most {0} days old");

    /// <summary>"for 5 minutes": how long a code is valid or an account locked.</summary>
    public static readonly CountedPhrase ForMinutes = new("for {0} minute", "for {0} minutes");

    /// <summary>"in 5 minutes": when to try again.</summary>
    public static readonly CountedPhrase InMinutes = new("in {0} minute", "in {0} minutes");

    public static readonly CountedPhrase Items = new("{0} agenda item", "{0} agenda items");
    public static readonly CountedPhrase OpenItems = new("{0} open item", "{0} open items");
    public static readonly CountedPhrase Votes = new("{0} vote", "{0} votes");

    public static readonly CountedPhrase OpenRequests = new("{0} open request", "{0} open requests");
    public static readonly CountedPhrase RequestsAtTheDesk = new("{0} request at the desk", "{0} requests at the desk");
    public static readonly CountedPhrase RequestsPastTheWindow = new("{0} request past the decision window", "{0} requests past the decision window");

    /// <summary>{1} is the period, itself a counted phrase (<see cref="WithinDays"/>).</summary>
    public static readonly CountedPhrase RequestsDueWithin = new("{0} request due {1}", "{0} requests due {1}");

    public static readonly CountedPhrase RequestsNotOnAnAgenda = new("{0} request awaiting the committee not yet on an agenda", "{0} requests awaiting the committee not yet on an agenda");
    public static readonly CountedPhrase ActiveStaffAccounts = new("{0} active staff account", "{0} active staff accounts");
    public static readonly CountedPhrase DisabledStaffAccounts = new("{0} disabled account", "{0} disabled accounts");
    public static readonly CountedPhrase ContactsToday = new("{0} contact today", "{0} contacts today");
    public static readonly CountedPhrase FollowUpsDue = new("{0} follow-up due", "{0} follow-ups due");
    public static readonly CountedPhrase ActiveAssociations = new("{0} active association", "{0} active associations");
    public static readonly CountedPhrase SuspendedAssociations = new("{0} suspended association", "{0} suspended associations");

    /// <summary>The longest period of the board's report, in its error message.</summary>
    public static readonly CountedPhrase PeriodAtMostDays = new("The period can be at most {0} day.", "The period can be at most {0} days.");

    /// <summary>A text field's limit in its error message.</summary>
    public static readonly CountedPhrase AtMostCharacters = new("At most {0} character.", "At most {0} characters.");

    /// <summary>"the first 50 requests" in a list's footnote.</summary>
    public static readonly CountedPhrase FirstRequests = new("the first {0} request", "the first {0} requests");

    public static readonly CountedPhrase FirstLetters = new("the first {0} letter", "the first {0} letters");
    public static readonly CountedPhrase FirstAssociations = new("the first {0} association", "the first {0} associations");

    /// <summary>Identity's password rules (the minimum length and distinct characters are settings).</summary>
    public static readonly CountedPhrase PasswordMinimumLength = new("The password must be at least {0} character.", "The password must be at least {0} characters.");

    public static readonly CountedPhrase PasswordDistinctCharacters = new("The password must use at least {0} different character.", "The password must use at least {0} different characters.");

    /// <summary>Every phrase above (the resource test walks them).</summary>
    public static IReadOnlyList<CountedPhrase> All { get; } = typeof(Counted)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(CountedPhrase))
        .Select(f => (CountedPhrase)f.GetValue(null)!)
        .ToList();
}
