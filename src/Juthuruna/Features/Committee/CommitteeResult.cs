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

    public const string NoApprovedPolicies = "لا توجد وثائق سياسات معتمدة";

    /// <summary>
    /// What a decision records as the policies in force: every approved version, in Arabic like the minutes, e.g.
    /// "سياسة علاقات المستفيدين: الإصدار 1 (جلسة المجلس 5، 3/7/1447 هـ)؛ دليل سياسة الدعم: الإصدار 2 (…)". Cut to
    /// <paramref name="maxLength"/> so an association with many documents still fits the column.
    /// </summary>
    public static string PolicyVersionsText(IReadOnlyList<Policies.ApprovedPolicy> approved, int maxLength = AgendaItem.MaxPolicyVersionsLength)
    {
        if (approved.Count == 0)
        {
            return NoApprovedPolicies;
        }

        var text = string.Join("؛ ", approved.Select(p =>
        {
            var details = new List<string>();
            if (!string.IsNullOrWhiteSpace(p.BoardSession))
            {
                details.Add($"جلسة المجلس {p.BoardSession}");
            }

            if (p.ApprovedOn is { } on)
            {
                var h = Common.Dates.DualDate.ToHijri(on);
                details.Add(FormattableString.Invariant($"{h.Day}/{h.Month}/{h.Year} هـ"));
            }

            var suffix = details.Count > 0 ? $" ({string.Join("، ", details)})" : "";
            return FormattableString.Invariant($"{p.TitleAr}: الإصدار {p.Number}{suffix}");
        }));
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }
}
