using Juthuruna.Common.Dates;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Infrastructure;

public static class DateEntryModelState
{
    /// <summary>
    /// A date typed in a form (Hijri or Gregorian, Arabic-Indic digits accepted): null when left empty; when it
    /// cannot be read, null and the message beside <paramref name="key"/>, the typed text staying in the field.
    /// </summary>
    public static DateOnly? ParseDate(this ModelStateDictionary modelState, string key, string? text, CalendarKind calendar, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateEntry.TryParse(text, calendar, out var date))
        {
            return date;
        }

        modelState.AddModelError(key, l["Enter the date as dd/mm/yyyy."]);
        return null;
    }

    /// <summary>A list filter's "from" and "to" dates, each read as <see cref="ParseDate"/>; "to" before "from" is an error beside "to".</summary>
    public static (DateOnly? From, DateOnly? To) ParseDateRange(
        this ModelStateDictionary modelState, string fromKey, string? fromText, string toKey, string? toText, CalendarKind calendar, IStringLocalizer l)
    {
        var from = modelState.ParseDate(fromKey, fromText, calendar, l);
        var to = modelState.ParseDate(toKey, toText, calendar, l);
        if (from is { } f && to is { } t && t < f)
        {
            modelState.AddModelError(toKey, l["The end date is before the start date."]);
        }

        return (from, to);
    }
}
