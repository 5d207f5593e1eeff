using System.Globalization;
using FluentValidation;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Contacts;

/// <summary>The log-a-contact command as typed (text stays text so a refused form comes back unchanged).</summary>
public sealed class ContactForm
{
    /// <summary>Saudi time, <c>yyyy-MM-ddTHH:mm</c> (the browser's datetime-local).</summary>
    public string? OccurredAt { get; set; }

    public ContactChannel? Channel { get; set; }
    public ContactDirection? Direction { get; set; } = ContactDirection.Incoming;
    public ContactType? Type { get; set; }
    public string? Summary { get; set; }
    public string? Outcome { get; set; }

    /// <summary>Gregorian, <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c>.</summary>
    public string? FollowUpOn { get; set; }

    public Guid? BeneficiaryId { get; set; }
    public string? CallerName { get; set; }
    public string? CallerMobile { get; set; }
    public Guid IdempotencyKey { get; set; }

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static ContactForm Blank(DateTime nowUtc, Guid? beneficiaryId) => new()
    {
        OccurredAt = DualDate.ToRiyadh(nowUtc).ToString(TimeFormat, CultureInfo.InvariantCulture),
        BeneficiaryId = beneficiaryId,
        IdempotencyKey = Guid.NewGuid(),
    };
}

/// <summary>Parsing of the form's typed times: Saudi time (UTC+3, no daylight saving) to UTC and back.</summary>
public static class ContactTimes
{
    private static readonly TimeSpan SaudiOffset = TimeSpan.FromHours(3);

    public static bool TryParseSaudiTime(string? text, out DateTime utc)
    {
        utc = default;
        var value = Digits.ToAscii(text ?? "").Trim().Replace(' ', 'T');
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !DualDate.IsSupported(DateOnly.FromDateTime(local)))
        {
            // Out of the calendar's range (0001-01-01 would also underflow when turned into UTC).
            return false;
        }

        utc = DateTime.SpecifyKind(local - SaudiOffset, DateTimeKind.Utc);
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateEntry.TryParse(text, CalendarKind.Gregorian, out date);

    public static DateOnly SaudiToday(DateTime nowUtc) => DualDate.RiyadhDay(nowUtc);
}

public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public ContactFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        var tooLong = TextLimits.TooLongForMaximumLength(l);

        RuleFor(x => x.OccurredAt).Custom((value, context) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (!ContactTimes.TryParseSaudiTime(value, out var utc))
            {
                context.AddFailure(l["Enter the date and time of the contact."].Value);
            }
            else if (utc > now.AddMinutes(5))
            {
                context.AddFailure(l["The contact cannot be in the future."].Value);
            }
        });
        RuleFor(x => x.Channel).NotNull().WithMessage(l["Choose the channel."]).IsInEnum().WithMessage(l["Choose the channel."]);
        RuleFor(x => x.Direction).NotNull().WithMessage(l["Choose the direction."]).IsInEnum().WithMessage(l["Choose the direction."]);
        RuleFor(x => x.Type).NotNull().WithMessage(l["Choose the contact type."]).IsInEnum().WithMessage(l["Choose the contact type."]);
        RuleFor(x => x.Summary).NotEmpty().WithMessage(l["Enter a summary of the contact."]).MaximumLength(Contact.MaxSummary).WithMessage(tooLong);
        RuleFor(x => x.Outcome).MaximumLength(Contact.MaxOutcome).WithMessage(tooLong);
        RuleFor(x => x.FollowUpOn).Custom((value, context) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            if (!ContactTimes.TryParseDate(value, out var date))
            {
                context.AddFailure(l["Enter the date as year-month-day (2026-05-17) or day/month/year (17/05/2026)."].Value);
            }
            else if (date < ContactTimes.SaudiToday(clock.GetUtcNow().UtcDateTime))
            {
                context.AddFailure(l["The follow-up date cannot be in the past."].Value);
            }
        });

        When(x => x.BeneficiaryId is null, () =>
        {
            RuleFor(x => x.CallerName).NotEmpty().WithMessage(l["Enter the caller's name."]).MaximumLength(Contact.MaxCallerName).WithMessage(tooLong).PersonName(l);
            RuleFor(x => x.CallerMobile).Must(m => SaudiMobile.TryNormalize(m, out _))
                .WithMessage(l["Enter a Saudi mobile number, e.g. 0551234567."]);
        });
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage(l["The form expired; open it again."]);
    }
}
