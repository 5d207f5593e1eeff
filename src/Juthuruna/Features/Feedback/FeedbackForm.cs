using FluentValidation;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Features.Contacts;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Feedback;

/// <summary>
/// A suggestion or complaint as typed, on the portal or at the desk (text stays text so a refused form comes back
/// unchanged). The portal fixes the channel to the website and offers no beneficiary link.
/// </summary>
public sealed class FeedbackForm
{
    public FeedbackKind? Kind { get; set; }
    public FeedbackCategory? Category { get; set; }
    public ContactChannel? Channel { get; set; }
    public string? Subject { get; set; }
    public string? Text { get; set; }
    public Guid? BeneficiaryId { get; set; }
    public string? Name { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public bool WantsReply { get; set; } = true;
    public Guid IdempotencyKey { get; set; }

    public static FeedbackForm Blank(ContactChannel? channel) => new() { Channel = channel, IdempotencyKey = Guid.NewGuid() };
}

public sealed class FeedbackFormValidator : AbstractValidator<FeedbackForm>
{
    public FeedbackFormValidator(IStringLocalizer<SharedResource> l)
    {
        var tooLong = TextLimits.TooLongForMaximumLength(l);
        RuleFor(x => x.Kind).NotNull().WithMessage(l["Choose suggestion or complaint."]).IsInEnum().WithMessage(l["Choose suggestion or complaint."]);
        RuleFor(x => x.Category).NotNull().WithMessage(l["Choose what it is about."]).IsInEnum().WithMessage(l["Choose what it is about."]);
        RuleFor(x => x.Channel).NotNull().WithMessage(l["Choose the channel."]).IsInEnum().WithMessage(l["Choose the channel."]);
        RuleFor(x => x.Subject).NotEmpty().WithMessage(l["Enter a subject."]).MaximumLength(FeedbackItem.MaxSubject).WithMessage(tooLong);
        RuleFor(x => x.Text).NotEmpty().WithMessage(l["Write the suggestion or complaint."]).MaximumLength(FeedbackItem.MaxText).WithMessage(tooLong);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Enter the name."]).MaximumLength(FeedbackItem.MaxName).WithMessage(tooLong).PersonName(l);
        RuleFor(x => x.Mobile).Must(m => SaudiMobile.TryNormalize(m, out _)).WithMessage(l["Enter a Saudi mobile number, e.g. 0551234567."]);
        RuleFor(x => x.Email).EmailAddress().WithMessage(l["Enter a valid e-mail address."]).MaximumLength(256).WithMessage(tooLong)
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage(l["The form expired; open it again."]);
    }
}
