using System.Globalization;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.Features.Letters;

/// <summary>The association as its letters show it (tenant settings, edited by its administrator).</summary>
public sealed record Letterhead(
    string NameAr,
    string NameEn,
    string? LicenceNumber,
    string? City,
    string? Address,
    string? Phone,
    string? Email,
    byte[]? Logo,
    string? LogoContentType,
    string SignatoryName,
    string SignatoryTitle,
    string NumberPrefix)
{
    public static Task<Letterhead> LoadAsync(AppDbContext db, CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId)
            .Select(t => new Letterhead(t.NameAr, t.NameEn, t.LicenceNumber, t.City, t.Address, t.Phone, t.Email, t.Logo, t.LogoContentType,
                t.Settings.LetterSignatoryName, t.Settings.LetterSignatoryTitle, t.Settings.NumberPrefix))
            .SingleAsync(ct);

    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "ar" ? NameAr : NameEn;

    /// <summary>
    /// City and address for the letterhead's contact line: the city once — left out when the address already
    /// names it ("جدة - حي الحمدانية"), compared as Arabic search does (hamza, taa marbuta, diacritics).
    /// </summary>
    public string? Place()
    {
        var city = City?.Trim();
        var address = Address?.Trim();
        if (string.IsNullOrEmpty(city))
        {
            return string.IsNullOrEmpty(address) ? null : address;
        }

        if (string.IsNullOrEmpty(address))
        {
            return city;
        }

        return Common.Text.ArabicSearch.Normalize(address).Contains(Common.Text.ArabicSearch.Normalize(city), StringComparison.OrdinalIgnoreCase)
            ? address
            : $"{city} · {address}";
    }

    /// <summary>The logo as a data: URI, the only kind of image the renderer loads.</summary>
    public string? LogoDataUri => Logo is { Length: > 0 } ? $"data:{LogoContentType ?? "image/png"};base64,{Convert.ToBase64String(Logo)}" : null;
}

/// <summary>Everything around the body: letterhead, number, date, recipient, subject, QR code, signature.</summary>
public sealed record LetterEnvelope(
    Letterhead Head,
    LetterKind Kind,
    string Number,
    DateOnly IssuedOn,
    string RecipientName,
    string Title,
    string? VerifyUrl,
    string? QrSvg,
    string? ReplacesNumber,
    bool IsSample,
    CultureInfo Culture)
{
    public bool IsArabic => Culture.TwoLetterISOLanguageName == "ar";
}
