using System.Globalization;
using FluentValidation;
using Juthuruna.Common.Money;
using Juthuruna.Common.Text;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Services;

/// <summary>
/// The document-type command, exactly as typed: the maximum age stays text so a refused form comes back
/// with what the user typed (Arabic-Indic digits included). The service normalises after validation.
/// </summary>
public sealed class DocumentTypeForm
{
    public string? Code { get; set; }
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    public bool HasExpiryDate { get; set; }

    /// <summary>Days, as typed: <c>90</c> or <c>٩٠</c>; empty means no limit.</summary>
    public string? MaxAgeDays { get; set; }
}

/// <summary>The service command, as typed; <see cref="Requirements"/> holds one row per document type on the checklist.</summary>
public sealed class SupportServiceForm
{
    public string? Code { get; set; }
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }

    /// <summary>Riyals as typed: <c>350</c>, <c>350.50</c>, <c>٣٥٠</c>; empty means no default amount.</summary>
    public string? DefaultAmount { get; set; }

    public List<RequirementChoice> Requirements { get; set; } = [];

    public const int MaxRequirements = 100;
}

public sealed class RequirementChoice
{
    public Guid DocumentTypeId { get; set; }
    public RequirementLevel Level { get; set; }
}

/// <summary>Codes and texts as stored.</summary>
public static class CatalogueText
{
    public const int MaxDocumentAgeDays = 3650;

    /// <summary>" nat-id " → "NAT-ID"; Arabic-Indic digits become ASCII.</summary>
    public static string NormalizeCode(string? code) =>
        Digits.ToAscii(code ?? "").Trim().ToUpperInvariant();

    public static bool IsValidCode(string? code)
    {
        var c = NormalizeCode(code);
        return c.Length is >= 2 and <= 20
               && char.IsAsciiLetterOrDigit(c[0])
               && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Empty text is "no limit"; otherwise 1 to <see cref="MaxDocumentAgeDays"/> whole days.</summary>
    public static bool TryParseMaxAge(string? text, out int? days)
    {
        days = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(Digits.ToAscii(text).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= MaxDocumentAgeDays)
        {
            days = value;
            return true;
        }

        return false;
    }

    /// <summary>Empty text (or zero) is "no default amount".</summary>
    public static bool TryParseAmount(string? text, out long? halalas)
    {
        halalas = null;
        if (!Riyals.TryParseHalalas(text, out var value))
        {
            return false;
        }

        halalas = value == 0 ? null : value;
        return true;
    }
}

public sealed class DocumentTypeFormValidator : AbstractValidator<DocumentTypeForm>
{
    public DocumentTypeFormValidator(IStringLocalizer<SharedResource> l)
    {
        var tooLong = TextLimits.TooLongForMaximumLength(l);
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Enter the code."])
            .Must(CatalogueText.IsValidCode).WithMessage(l["The code is 2 to 20 English letters, digits or dashes, e.g. NATIONAL-ID."])
            .When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.NameAr).NotEmpty().WithMessage(l["Enter the Arabic name."]).MaximumLength(200).WithMessage(tooLong);
        RuleFor(x => x.NameEn).MaximumLength(200).WithMessage(tooLong);
        RuleFor(x => x.MaxAgeDays).Must(v => CatalogueText.TryParseMaxAge(v, out _))
            .WithMessage(l["The maximum age is a whole number of days from 1 to {0}, or empty for no limit.", CatalogueText.MaxDocumentAgeDays]);
    }
}

public sealed class SupportServiceFormValidator : AbstractValidator<SupportServiceForm>
{
    public SupportServiceFormValidator(IStringLocalizer<SharedResource> l)
    {
        var tooLong = TextLimits.TooLongForMaximumLength(l);
        RuleFor(x => x.Code).NotEmpty().WithMessage(l["Enter the code."])
            .Must(CatalogueText.IsValidCode).WithMessage(l["The code is 2 to 20 English letters, digits or dashes, e.g. NATIONAL-ID."])
            .When(x => !string.IsNullOrWhiteSpace(x.Code), ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.NameAr).NotEmpty().WithMessage(l["Enter the Arabic name."]).MaximumLength(200).WithMessage(tooLong);
        RuleFor(x => x.NameEn).MaximumLength(200).WithMessage(tooLong);
        RuleFor(x => x.Description).MaximumLength(SupportService.MaxDescription).WithMessage(tooLong);
        RuleFor(x => x.DefaultAmount).Must(v => CatalogueText.TryParseAmount(v, out _))
            .WithMessage(l["Enter the amount in riyals, e.g. 1500 or 1500.50."]);
        RuleFor(x => x.Requirements)
            .Must(r => r.Count <= SupportServiceForm.MaxRequirements && r.Select(x => x.DocumentTypeId).Distinct().Count() == r.Count)
            .WithMessage(l["Choose document types of the association."]);
        RuleForEach(x => x.Requirements).ChildRules(r =>
            r.RuleFor(x => x.Level).IsInEnum().WithMessage(l["Choose document types of the association."]));
    }
}
