using Juthuruna.Web.Infrastructure;

namespace Juthuruna.Web.Pages.Admin;

/// <summary>Catalogue entries have an Arabic name and an optional English one: English pages fall back to the Arabic.</summary>
public static class CatalogueLabels
{
    public static string Name(string nameAr, string? nameEn) =>
        Localization.IsArabic || string.IsNullOrWhiteSpace(nameEn) ? nameAr : nameEn;
}
