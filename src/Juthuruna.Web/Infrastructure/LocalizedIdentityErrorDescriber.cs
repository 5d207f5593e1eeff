using Juthuruna.Common.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Infrastructure;

/// <summary>Identity's messages in the user's language (the ones staff can meet).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), l["Something went wrong. Please try again."]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), l["Someone else changed this account meanwhile. Reload and try again."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), l.Count(Counted.PasswordMinimumLength, length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), l.Count(Counted.PasswordDistinctCharacters, uniqueChars));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), l["This e-mail address cannot be used as a sign-in name."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), l["Enter a valid e-mail address."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), l["This e-mail address is already used by another account."]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), l["This e-mail address is already used by another account."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), l["The link or code has expired. Please start again."]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), l["The user already has this role."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
