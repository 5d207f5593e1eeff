using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Juthuruna.Web.Pages.Reports;

/// <summary>
/// A table of the report as a horizontal bar chart in server-rendered SVG (ADR 0022): no script, so nothing for the
/// content security policy to allow; bars start on the reading side (the right in Arabic); one bar per column of a
/// row, each with its value. The table under the chart holds the same numbers for screen readers.
/// </summary>
public static class ReportChart
{
    private static readonly string[] Colours = ["#146c43", "#0a58ca"];

    public static IHtmlContent Svg(ReportTable table, bool rightToLeft, string accessibleName)
    {
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var html = HtmlEncoder.Default;
        var series = table.Columns.Count;
        var rowHeight = 14 * series + 10;
        var height = table.Rows.Count * rowHeight + 4;
        var max = table.Rows.SelectMany(r => r.Values).Where(v => v is not null).Select(v => (double)v!.Value).DefaultIfEmpty(0).Max();
        var anchor = rightToLeft ? "end" : "start";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"report-chart\" viewBox=\"0 0 600 {height}\" width=\"100%\" role=\"img\" aria-label=\"{html.Encode(accessibleName)}\" direction=\"ltr\" data-testid=\"chart-{html.Encode(table.Key)}\">");
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var y = i * rowHeight + 2;
            var label = row.Label.Length > 30 ? row.Label[..30] + "…" : row.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(rightToLeft ? 595 : 5)}\" y=\"{y + rowHeight / 2 + 4}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#212529\">{html.Encode(label)}</text>");
            for (var s = 0; s < series; s++)
            {
                var v = (double)(row.Values[s] ?? 0);
                var w = max <= 0 ? 0 : v / max * 300;
                var x = rightToLeft ? 390 - w : 210;
                var by = y + 4 + s * 14;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{by}\" width=\"{N(w)}\" height=\"11\" fill=\"{Colours[s % Colours.Length]}\"></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(rightToLeft ? x - 4 : x + w + 4)}\" y=\"{by + 10}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"#212529\">{html.Encode(ReportTable.Format(row.Values[s], table.Columns[s].Kind))}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
