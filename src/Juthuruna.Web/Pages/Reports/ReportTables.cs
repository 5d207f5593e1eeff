using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Reports;
using Juthuruna.Web.Pages.Contacts;
using Juthuruna.Web.Pages.Feedback;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Reports;

public enum ReportValueKind
{
    Count,
    Riyals,
    Percent,
    Days,
}

public sealed record ReportColumn(string Header, ReportValueKind Kind);

public sealed record ReportRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>One table of the board's report: shown on the page (with its chart when <see cref="Chart"/>) and written as one sheet of the export — the same cells, so the page and the file cannot disagree.</summary>
public sealed record ReportTable(string Key, string Title, string LabelHeader, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, bool Chart)
{
    /// <summary>A value as the page and the chart show it (Western digits, as everywhere in the app); the export writes the number itself.</summary>
    public static string Format(decimal? value, ReportValueKind kind) => value switch
    {
        null => "—",
        { } v => kind switch
        {
            ReportValueKind.Riyals => v.ToString("#,0.00", CultureInfo.InvariantCulture),
            ReportValueKind.Percent => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
            _ => v.ToString("#,0.##", CultureInfo.InvariantCulture),
        },
    };

    /// <summary>The invariant number (data-value on the page, the cell of the export).</summary>
    public static string Invariant(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Turns the board's report (core figures) into the labelled tables the page, its charts and the export share.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Build(BoardReport r, IStringLocalizer l, IReadOnlyDictionary<Guid, string> services,
        IReadOnlyDictionary<Guid, string> branches, CultureInfo culture)
    {
        var hijri = r.Filter.Period.HijriMonths;
        string Month((int Year, int Month) m) => hijri ? DualDate.FormatHijriMonth(m.Year, m.Month, culture) : DualDate.FormatMonth(m.Year, m.Month, culture);
        string Service(Guid id) => services.GetValueOrDefault(id) ?? l["Unknown service"];
        string Branch(Guid id) => id == Guid.Empty ? l["No office"] : branches.GetValueOrDefault(id) ?? l["Unknown office"];
        static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
        static decimal Sar(long halalas) => halalas / 100m;
        var count = new ReportColumn(l["Count"], ReportValueKind.Count);

        var satisfactionAnswers = r.Satisfaction.Sum(s => s.Answers);
        var satisfactionIndex = SatisfactionIndex(r.Satisfaction.Sum(s => s.RatingSum), r.Satisfaction.Sum(s => s.Ratings));
        var feedbackAnswered = r.Feedback.Sum(f => f.AnsweredOnTime);
        var feedbackReceived = r.Feedback.Sum(f => f.Received);

        var summary = new ReportTable("summary", l["Key figures"], l["Figure"], [new ReportColumn(l["Value"], ReportValueKind.Count)],
        [
            new(l["Requests received"], [r.Received]),
            new(l["Approvals"], [r.Approved]),
            new(l["Rejections"], [r.Rejected]),
            new(l["Deferrals"], [r.Deferred]),
            new(l["Approval rate (%)"], [Share(r.Approved, r.Outcomes)]),
            new(l["Rejection rate (%)"], [Share(r.Rejected, r.Outcomes)]),
            new(l["Deferral rate (%)"], [Share(r.Deferred, r.Outcomes)]),
            new(l["Days from verification to decision: median"], [r.MedianDaysToDecide]),
            new(l["Days from verification to decision: 90th percentile"], [r.P90DaysToDecide]),
            new(l["Decided within the window"], [r.DecidedWithinWindow]),
            new(l["Overdue undecided requests"], [r.OverdueUndecided]),
            new(l["Decided within the window (%)"], [Share(r.DecidedWithinWindow, r.WindowCounted)]),
            new(l["Beneficiaries served"], [r.BeneficiariesServed]),
            new(l["New registrations"], [r.Services.Sum(s => s.Registrations)]),
            new(l["Amount approved (SAR)"], [Sar(r.Services.Sum(s => s.ApprovedHalalas))]),
            new(l["Amount disbursed (SAR)"], [Sar(r.Services.Sum(s => s.DisbursedHalalas))]),
            new(l["Deliveries in kind"], [r.Services.Sum(s => s.InKind)]),
            new(l["Survey answers"], [satisfactionAnswers]),
            new(l["Satisfaction index (%)"], [satisfactionIndex]),
            new(l["Complaints and suggestions answered on time (%)"], [Share(feedbackAnswered, feedbackReceived)]),
            new(l["Contacts"], [r.ContactsByChannel.Values.Sum()]),
        ], Chart: false);

        var serviceIds = r.ReceivedByService.Keys.Concat(r.Services.Select(s => s.ServiceId)).Distinct()
            .OrderBy(Service, StringComparer.Ordinal).ToList();
        var branchIds = r.ReceivedByBranch.Keys.Concat(r.ContactsByBranch.Keys).Distinct()
            .OrderBy(id => id == Guid.Empty).ThenBy(Branch, StringComparer.Ordinal).ToList();

        return
        [
            summary,
            new("received-channel", l["Requests received per channel"], l["Channel"], [count],
                Enum.GetValues<ContactChannel>().Select(c => new ReportRow(ContactLabels.Of(l, c), [r.ReceivedByChannel.GetValueOrDefault(c)])).ToList(), Chart: true),
            new("received-service", l["Requests received per service"], l["Service"], [count],
                serviceIds.Where(r.ReceivedByService.ContainsKey).Select(s => new ReportRow(Service(s), [r.ReceivedByService[s]])).ToList(), Chart: true),
            new("received-branch", l["Requests received per office"], l["Office"], [count],
                branchIds.Where(r.ReceivedByBranch.ContainsKey).Select(b => new ReportRow(Branch(b), [r.ReceivedByBranch[b]])).ToList(), Chart: true),
            new("received-month", l["Requests received per month"], l["Month"], [count],
                r.Months.Select(m => new ReportRow(Month(m), [r.ReceivedByMonth.GetValueOrDefault(m)])).ToList(), Chart: true),
            new("amounts-month", l["Amounts approved and disbursed per month"], l["Month"],
                [new(l["Amount approved (SAR)"], ReportValueKind.Riyals), new(l["Amount disbursed (SAR)"], ReportValueKind.Riyals)],
                r.Months.Select(m => new ReportRow(Month(m),
                [
                    Sar(r.Services.Where(s => s.Month == m).Sum(s => s.ApprovedHalalas)),
                    Sar(r.Services.Where(s => s.Month == m).Sum(s => s.DisbursedHalalas)),
                ])).ToList(), Chart: true),
            new("services-month", l["Services per month"], l["Service · month"],
                [
                    new(l["New registrations"], ReportValueKind.Count), new(l["Amount approved (SAR)"], ReportValueKind.Riyals),
                    new(l["Deliveries"], ReportValueKind.Count), new(l["Deliveries in kind"], ReportValueKind.Count),
                    new(l["Quantity in kind"], ReportValueKind.Count), new(l["Amount disbursed (SAR)"], ReportValueKind.Riyals),
                ],
                r.Services.OrderBy(s => Service(s.ServiceId), StringComparer.Ordinal).ThenBy(s => s.Month)
                    .Select(s => new ReportRow(Service(s.ServiceId) + " · " + Month(s.Month),
                        [s.Registrations, Sar(s.ApprovedHalalas), s.Deliveries, s.InKind, s.Quantity, Sar(s.DisbursedHalalas)])).ToList(), Chart: false),
            new("satisfaction-month", l["Satisfaction index per month"], l["Month"],
                [new(l["Survey answers"], ReportValueKind.Count), new(l["Satisfaction index (%)"], ReportValueKind.Percent)],
                r.Satisfaction.Select(s => new ReportRow(DualDate.FormatMonth(s.Month.Year, s.Month.Month, culture),
                    [s.Answers, SatisfactionIndex(s.RatingSum, s.Ratings)])).ToList(), Chart: true),
            new("feedback", l["Complaints and suggestions per category"], l["Category"],
                [
                    new(l["Received in the period"], ReportValueKind.Count), new(l["Answered"], ReportValueKind.Count),
                    new(l["Answered on time"], ReportValueKind.Count), new(l["Answered on time (%)"], ReportValueKind.Percent),
                ],
                r.Feedback.Select(f => new ReportRow(FeedbackLabels.Of(l, f.Kind) + " · " + FeedbackLabels.Of(l, f.Category),
                    [f.Received, f.Answered, f.AnsweredOnTime, Share(f.AnsweredOnTime, f.Received)])).ToList(), Chart: false),
            new("contacts-channel", l["Contacts per channel"], l["Channel"], [count],
                Enum.GetValues<ContactChannel>().Select(c => new ReportRow(ContactLabels.Of(l, c), [r.ContactsByChannel.GetValueOrDefault(c)])).ToList(), Chart: true),
            new("contacts-branch", l["Contacts per office"], l["Office"], [count],
                branchIds.Where(r.ContactsByBranch.ContainsKey).Select(b => new ReportRow(Branch(b), [r.ContactsByBranch[b]])).ToList(), Chart: true),
        ];
    }

    /// <summary>The satisfaction index: the average of every rating (1–5) of the answers as a share of the best (5), in percent.</summary>
    public static decimal? SatisfactionIndex(long ratingSum, int ratings) => ratings == 0 ? null : Math.Round(100m * ratingSum / (5m * ratings), 1);
}
