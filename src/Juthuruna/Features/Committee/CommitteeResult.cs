namespace Juthuruna.Features.Committee;

/// <summary>
/// Outcome of a committee command: done (with the id of what it touched), field errors, or forbidden — the
/// user holds no seat that allows the step (the page answers 403).
/// </summary>
public sealed record CommitteeResult(Guid? Id, IReadOnlyList<(string Field, string Message)> Errors, bool Forbidden = false)
{
    public bool Succeeded => Errors.Count == 0 && !Forbidden;

    public static CommitteeResult Done(Guid id) => new(id, []);

    public static CommitteeResult Fail(string field, string message) => new(null, [(field, message)]);

    public static readonly CommitteeResult Denied = new(null, [], Forbidden: true);
}

/// <summary>Pure rules of seats on the committee.</summary>
public static class CommitteeSeats
{
    /// <summary>Whether two seat periods share a day (a null end is open-ended).</summary>
    public static bool Overlap(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        (toB is null || fromA <= toB) && (toA is null || fromB <= toA);

    /// <summary>The seats that may keep the minutes: build the agenda, record attendance, open a session.</summary>
    public static bool KeepsMinutes(CommitteeRole? role) => role is CommitteeRole.Secretary or CommitteeRole.Chair;

    /// <summary>The text a decision records as the policies in force, until versioned policy documents exist.</summary>
    public static string PolicyVersionsText(string policyVersion) => $"سياسات الجمعية — الإصدار {policyVersion}";
}
