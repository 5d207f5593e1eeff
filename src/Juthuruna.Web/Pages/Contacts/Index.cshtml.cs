using Juthuruna.Features.Contacts;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Juthuruna.Web.Pages.Contacts;

public sealed class IndexModel(ContactQueries queries, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ContactChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContactType? Type { get; set; }

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
        DateOnly? from = ContactTimes.TryParseDate(From, out var f) ? f : null;
        DateOnly? to = ContactTimes.TryParseDate(To, out var t) ? t : null;
        Results = await queries.ListAsync(new ContactFilter(Channel, Type, from, to, Due), PageNumber, ct);
        CanCreate = (await authorization.AuthorizeAsync(User, StaffIdentitySetup.BeneficiaryWritersPolicy)).Succeeded;
    }

    public string PageUrl(int page) =>
        $"?channel={Channel}&type={Type}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&due={Due}&p={page}";
}
