using System.Security.Cryptography;
using Juthuruna.Identity;
using Microsoft.AspNetCore.Identity;

namespace Juthuruna.Web.Infrastructure;

/// <summary>
/// Makes every refused sign-in cost what a wrong password costs (ADR 0023): an unknown e-mail, a locked or disabled
/// account and a suspended association verify the typed password against a fixed hash made with the same hasher and
/// settings as the users' own, so the answer's time does not tell whether the e-mail has an account.
/// </summary>
public sealed class SignInCost
{
    private static readonly ApplicationUser Nobody = new() { FullName = "" };
    private string? _hash;

    /// <summary>One password verification, its result thrown away.</summary>
    public void Spend(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        // Made once per process with a random password (never matched), with the configured iteration count.
        var hash = _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
