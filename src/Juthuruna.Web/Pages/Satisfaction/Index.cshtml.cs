using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Satisfaction;

/// <summary>
/// نتائج قياس الرضا: averages per service, channel, branch and month, and the latest comments. There is no
/// per-employee view, by design (the policy measures satisfaction to improve the service, not to punish).
/// </summary>
[Authorize(Policy = StaffIdentitySetup.SatisfactionReadersPolicy)]
public sealed class IndexModel(SurveyQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SurveyResults? Results { get; private set; }

    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public sealed class FilterInput
    {
        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "From")]
        public string? From { get; set; }

        [Display(Name = "To")]
        public string? To { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // Opened without a filter: the current Hijri year, the year the association's numbers, the decision-window
        // share and its reports to the board follow. The dates stay in the form to change; emptying both shows every answer.
        if (!Request.Query.ContainsKey("Filter.From") && !Request.Query.ContainsKey("Filter.To"))
        {
            var year = DualDate.ToHijri(DualDate.Today(clock)).Year;
            Filter = new FilterInput { Calendar = CalendarKind.Hijri, From = "01/01/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        var (from, to) = ModelState.ParseDateRange("Filter.From", Filter.From, "Filter.To", Filter.To, Filter.Calendar, l);

        if (!ModelState.IsValid)
        {
            return;
        }

        Results = await queries.ResultsAsync(from, to, ct);
    }
}
