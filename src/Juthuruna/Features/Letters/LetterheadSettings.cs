using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneNumbers;

namespace Juthuruna.Features.Letters;

/// <summary>The letterhead as the administrator edits it. <see cref="Version"/> goes into the form to detect stale edits.</summary>
public sealed record LetterheadView(
    string NameAr,
    string NameEn,
    string? LicenceNumber,
    string? City,
    string? Address,
    string? Phone,
    string? Email,
    bool HasLogo,
    string SignatoryName,
    string SignatoryTitle)
{
    /// <summary>
    /// A fingerprint of the values shown. The tenant row has no version column (it is a platform row shared with
    /// the host's screens), so a stale form is recognised by the values it was loaded with instead.
    /// </summary>
    public string Version
    {
        get
        {
            var json = JsonSerializer.Serialize(new[] { NameAr, NameEn, LicenceNumber, City, Address, Phone, Email, SignatoryName, SignatoryTitle });
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
        }
    }
}

/// <summary>What the administrator typed; every field as typed (validated and normalised by the service).</summary>
public sealed record LetterheadForm(
    string? NameAr,
    string? NameEn,
    string? LicenceNumber,
    string? City,
    string? Address,
    string? Phone,
    string? Email,
    string? SignatoryName,
    string? SignatoryTitle);

public sealed record LetterheadLogo(byte[] Content, string ContentType);

public sealed class LetterheadFormValidator : AbstractValidator<LetterheadForm>
{
    public LetterheadFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.NameAr).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the Arabic name."])
            .Must(v => Fits(v, LetterheadSettings.MaxNameLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxNameLength));
        RuleFor(x => x.NameEn).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(l["Enter the English name."])
            .Must(v => Fits(v, LetterheadSettings.MaxNameLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxNameLength));
        RuleFor(x => x.LicenceNumber).Must(v => Fits(v, LetterheadSettings.MaxLicenceLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxLicenceLength));
        RuleFor(x => x.City).Must(v => Fits(v, LetterheadSettings.MaxCityLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxCityLength));
        RuleFor(x => x.Address).Must(v => Fits(v, LetterheadSettings.MaxAddressLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxAddressLength));
        RuleFor(x => x.Phone).Must(v => string.IsNullOrWhiteSpace(v) || LetterheadSettings.TryNormalizePhone(v, out _))
            .WithMessage(l["Enter a Saudi phone number: a mobile (05XXXXXXXX) or a landline with its area code (011XXXXXXX), 9200XXXXX or 800XXXXXXX."]);
        RuleFor(x => x.Email).EmailAddress().WithMessage(l["Enter a valid e-mail address."])
            .Must(v => Fits(v, LetterheadSettings.MaxEmailLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxEmailLength))
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.SignatoryName).Must(v => Fits(v, LetterheadSettings.MaxNameLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxNameLength));
        RuleFor(x => x.SignatoryTitle).Must(v => Fits(v, LetterheadSettings.MaxNameLength)).WithMessage(TextLimits.TooLong(l, LetterheadSettings.MaxNameLength));
    }

    private static bool Fits(string? value, int max) => (value?.Trim().Length ?? 0) <= max;
}

/// <summary>
/// The association's letterhead (names, licence, address, phone, e-mail, signatory, logo), edited by its
/// administrator. The tenant row is a platform row: only the row of the signed-in association is ever read or changed.
/// </summary>
public sealed class LetterheadSettings(AppDbContext db, IValidator<LetterheadForm> validator, IStringLocalizer<SharedResource> l)
{
    // Lengths of Data/Configurations/TenantConfiguration.cs.
    public const int MaxNameLength = 200;
    public const int MaxLicenceLength = 50;
    public const int MaxCityLength = 100;
    public const int MaxAddressLength = 300;
    public const int MaxEmailLength = 256;

    /// <summary>The logo is inlined into every letter's HTML (a data: URI), so it must stay small.</summary>
    public const int MaxLogoBytes = 256 * 1024;

    /// <summary>
    /// A few compressed bytes can describe a huge picture (a 12000×12000 PNG of one colour is small): every letter
    /// then decoded and scaled it (12.9 s a letter). Above this many pixels the image is refused before it is decoded.
    /// </summary>
    public const long MaxLogoPixels = 40_000_000;

    /// <summary>The logo prints about 2–3 cm high on the letterhead: 600 pixels on the long side is more than enough.</summary>
    public const int LogoLongSide = 600;

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private IReadOnlyList<(string Field, string Message)> Stale =>
        [("", l["Someone else changed the letterhead while you were editing it. Your changes were not saved: review the values now saved and save again."])];

    public Task<LetterheadView> GetAsync(CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId)
            .Select(t => new LetterheadView(t.NameAr, t.NameEn, t.LicenceNumber, t.City, t.Address, t.Phone, t.Email, t.Logo != null,
                t.Settings.LetterSignatoryName, t.Settings.LetterSignatoryTitle))
            .SingleAsync(ct);

    /// <summary>
    /// Saves the letterhead when it still holds what the form was loaded with (<paramref name="version"/>); otherwise
    /// nothing is saved and the administrator is told that someone else changed it meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> UpdateAsync(LetterheadForm form, string? version, CancellationToken ct)
    {
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid)
        {
            return validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(form.Phone))
        {
            TryNormalizePhone(form.Phone, out var normalized);
            phone = normalized;
        }

        var nameAr = form.NameAr!.Trim();
        var nameEn = form.NameEn!.Trim();
        var licence = Optional(form.LicenceNumber is null ? null : Digits.ToAscii(form.LicenceNumber));
        var city = Optional(form.City);
        var address = Optional(form.Address);
        var email = Optional(form.Email);
        var signatoryName = form.SignatoryName?.Trim() ?? "";
        var signatoryTitle = form.SignatoryTitle?.Trim() ?? "";

        var current = await GetAsync(ct);
        var wanted = new LetterheadView(nameAr, nameEn, licence, city, address, phone, email, current.HasLogo, signatoryName, signatoryTitle);
        if (wanted.Version == current.Version)
        {
            // Already saved: the same form posted twice (a double click) is one save, not a conflict with itself.
            return [];
        }

        if (current.Version != version)
        {
            return Stale;
        }

        // Compare-and-set in one statement: a save by another administrator between the check above and this
        // update changes at least one of these values, so this one then updates no row instead of overwriting it.
        var updated = await db.Tenants
            .Where(t => t.Id == db.TenantId
                && t.NameAr == current.NameAr && t.NameEn == current.NameEn && t.LicenceNumber == current.LicenceNumber
                && t.City == current.City && t.Address == current.Address && t.Phone == current.Phone && t.Email == current.Email
                && t.Settings.LetterSignatoryName == current.SignatoryName && t.Settings.LetterSignatoryTitle == current.SignatoryTitle)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.NameAr, nameAr)
                .SetProperty(t => t.NameEn, nameEn)
                .SetProperty(t => t.LicenceNumber, licence)
                .SetProperty(t => t.City, city)
                .SetProperty(t => t.Address, address)
                .SetProperty(t => t.Phone, phone)
                .SetProperty(t => t.Email, email)
                .SetProperty(t => t.Settings.LetterSignatoryName, signatoryName)
                .SetProperty(t => t.Settings.LetterSignatoryTitle, signatoryTitle), ct);
        return updated == 1 ? [] : Stale;
    }

    /// <summary>
    /// Replaces the logo with a PNG or JPEG of at most <see cref="MaxLogoBytes"/> and <see cref="MaxLogoPixels"/>,
    /// scaled down to <see cref="LogoLongSide"/> pixels on its long side when larger. The type is read from the
    /// content, not the name: a text file called logo.png is refused.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> SetLogoAsync(Stream content, string fileName, CancellationToken ct)
    {
        var name = UserText.SingleLine(Path.GetFileName(fileName.Replace('\\', '/')));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxLogoBytes)
            {
                return [("Logo", l["The logo is larger than {0} KB; choose a smaller image.", MaxLogoBytes / 1024])];
            }
        }

        if (buffer.Length == 0)
        {
            return [("Logo", l[UploadErrors.Empty])];
        }

        var contentType = ImageType(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var logo = contentType is null ? LogoImage.Undecodable : LogoImage.Prepare(buffer.ToArray(), contentType);
        switch (logo.Problem)
        {
            case LogoImage.Refusal.NotAnImage:
                return [("Logo", l["The file \"{0}\" is not a PNG or JPEG image (its content was checked, not its name). The logo was not changed.", name])];
            case LogoImage.Refusal.TooManyPixels:
                return [("Logo", l["The image is {0} × {1} pixels; a logo may have at most {2} million pixels. Choose a smaller image.",
                    logo.Width, logo.Height, MaxLogoPixels / 1_000_000])];
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == db.TenantId, ct);
        tenant.Logo = logo.Bytes;
        tenant.LogoContentType = contentType;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task RemoveLogoAsync(CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == db.TenantId, ct);
        tenant.Logo = null;
        tenant.LogoContentType = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The signed-in association's logo, or null.</summary>
    public async Task<LetterheadLogo?> LogoAsync(CancellationToken ct)
    {
        var logo = await db.Tenants.AsNoTracking().Where(t => t.Id == db.TenantId && t.Logo != null)
            .Select(t => new { t.Logo, t.LogoContentType }).SingleOrDefaultAsync(ct);
        return logo is null ? null : new LetterheadLogo(logo.Logo!, logo.LogoContentType ?? FileContent.Png);
    }

    /// <summary>
    /// A Saudi mobile (stored 05XXXXXXXX) or landline, unified (9200…, "shared cost" to libphonenumber) or toll-free (800…) number, typed with or
    /// without +966, spaces or Arabic-Indic digits; stored as the national digits people dial.
    /// </summary>
    public static bool TryNormalizePhone(string? input, out string phone)
    {
        phone = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        if (SaudiMobile.TryNormalize(input, out var mobile))
        {
            phone = SaudiMobile.ToLocal(mobile);
            return true;
        }

        var text = Digits.ToAscii(input).Trim();
        if (!SaudiMobile.IsPhoneText(text))
        {
            return false;
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        try
        {
            var number = Phones.Parse(text, "SA");
            if (number.CountryCode != 966 || !Phones.IsValidNumber(number)
                || Phones.GetNumberType(number) is not (PhoneNumberType.FIXED_LINE or PhoneNumberType.SHARED_COST or PhoneNumberType.UAN or PhoneNumberType.TOLL_FREE))
            {
                return false;
            }

            phone = new string(Phones.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray());
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>PNG (signature and its IHDR header chunk) or JPEG (start-of-image marker); anything else is null.</summary>
    internal static string? ImageType(ReadOnlySpan<byte> bytes) =>
        FileContent.Detect(bytes[..Math.Min(bytes.Length, FileContent.HeaderLength)]) switch
        {
            FileContent.Png when bytes.Length > 16 && bytes[12..16].SequenceEqual("IHDR"u8) => FileContent.Png,
            FileContent.Jpeg => FileContent.Jpeg,
            _ => null,
        };

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
