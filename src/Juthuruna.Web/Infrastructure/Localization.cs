using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Juthuruna.Web.Infrastructure;

public static class Localization
{
    public static readonly CultureInfo Arabic = CreateArabic();
    public static readonly CultureInfo English = new("en");

    public static IServiceCollection AddJuthurunaLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Arabic, Arabic);
            options.SupportedCultures = [Arabic, English];
            options.SupportedUICultures = [Arabic, English];
            // Arabic is the default; English is chosen explicitly and remembered in a cookie.
            // Browser Accept-Language is ignored: staff share machines configured in English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Arabic with the Gregorian calendar and Western digits for numbers and plain dates; Hijri dates
    /// are rendered explicitly by <c>DualDate</c> so both calendars always appear side by side.
    /// </summary>
    private static CultureInfo CreateArabic()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new GregorianCalendar(GregorianCalendarTypes.Localized);
        culture.NumberFormat.DigitSubstitution = DigitShapes.None;
        culture.NumberFormat.NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        return CultureInfo.ReadOnly(culture);
    }

    public static bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    public static void MapCultureSwitch(this WebApplication app)
    {
        // Anonymous: the login page offers the switch too.
        // The switch is a form post: bind from the form (minimal APIs bind simple types from the query
        // string by default); [FromForm] also makes the endpoint validate the form's antiforgery token.
        app.MapPost("/culture", (HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            var chosen = culture == "en" ? English : Arabic;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen, chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous();
    }
}
