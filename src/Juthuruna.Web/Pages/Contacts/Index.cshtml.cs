using Juthuruna.Common.Dates;
using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Contacts;

public sealed class IndexModel(ContactQueries queries, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ContactChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactType? Type { get; set; }

    /// <summary>The calendar the From/To dates are typed in, as in every other date field.</summary>
    [BindProperty(SupportsGet = true)]
    public CalendarKind Calendar { get; set; } = CalendarKind.Hijri;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ContactPage Results { get; private set; } = new([], 1, false);
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
        ModelState.Clear();
        var (from, to) = ModelState.ParseDateRange(nameof(From), From, nameof(To), To, Calendar, l);

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Results = await queries.ListAsync(new ContactFilter(Channel, Type, from, to, Due), PageNumber, ct);
    }

    public string PageUrl(int page) =>
        $"?channel={Channel}&type={Type}&calendar={Calendar}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&due={Due}&p={page}";
}
