using System.ComponentModel.DataAnnotations;
using Juthuruna.Common.Dates;
using Juthuruna.Features.Letters;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Letters;

/// <summary>سجل الصادر: every letter issued, newest first, searched by number, dates, kind and recipient.</summary>
[Authorize(Policy = StaffIdentitySetup.LetterReadersPolicy)]
public sealed class IndexModel(LetterQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<LetterRow> Letters { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public SearchInput Search { get; set; } = new();

    public sealed class SearchInput
    {
        [Display(Name = "Number")]
        public string? Number { get; set; }

        [Display(Name = "Calendar of the dates")]
        public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

        [Display(Name = "From")]
        public string? From { get; set; }

        [Display(Name = "To")]
        public string? To { get; set; }

        [Display(Name = "Letter")]
        public LetterKind? Kind { get; set; }

        [Display(Name = "Recipient")]
        public string? Recipient { get; set; }
    }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search.Number) || !string.IsNullOrWhiteSpace(Search.From) || !string.IsNullOrWhiteSpace(Search.To)
        || Search.Kind is not null || !string.IsNullOrWhiteSpace(Search.Recipient);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Binding errors of the enum fields are replaced by the page's own messages.
        ModelState.Clear();
        var (from, to) = ModelState.ParseDateRange("Search.From", Search.From, "Search.To", Search.To, Search.Calendar, l);

        if (!ModelState.IsValid)
        {
            return;
        }

        Letters = await queries.RegisterAsync(new LetterFilter(Search.Number, from, to, Search.Kind, Search.Recipient), ct);
    }
}
