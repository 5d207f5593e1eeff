using Juthuruna.Features.Contacts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Contacts;

/// <summary>The localized labels of the contacts log's choices (written out so every key is checked for Arabic).</summary>
public static class ContactLabels
{
    public static string Of(IStringLocalizer l, ContactChannel value) => value switch
    {
        ContactChannel.InPerson => l["In person"],
        ContactChannel.Phone => l["Phone calls"],
        ContactChannel.SocialMedia => l["Social media"],
        ContactChannel.Letter => l["Letters"],
        ContactChannel.AssistanceRequest => l["Assistance request services"],
        ContactChannel.Volunteering => l["Volunteering service"],
        ContactChannel.Website => l["The association's website"],
        ContactChannel.BranchRepresentative => l["Branch office representatives"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, ContactDirection value) => value switch
    {
        ContactDirection.Incoming => l["Incoming"],
        ContactDirection.Outgoing => l["Outgoing"],
        _ => value.ToString(),
    };

    public static string Of(IStringLocalizer l, ContactType value) => value switch
    {
        ContactType.Inquiry => l["Inquiry"],
        ContactType.Request => l["Request"],
        ContactType.FollowUp => l["Follow-up"],
        ContactType.Suggestion => l["Suggestion"],
        ContactType.Complaint => l["Complaint"],
        ContactType.Thanks => l["Thanks"],
        _ => value.ToString(),
    };

    public static List<SelectListItem> Items<T>(Func<T, string> label, bool blank, IStringLocalizer l)
        where T : struct, Enum
    {
        var items = Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString())).ToList();
        if (blank)
        {
            items.Insert(0, new SelectListItem(l["Choose…"], ""));
        }

        return items;
    }
}
