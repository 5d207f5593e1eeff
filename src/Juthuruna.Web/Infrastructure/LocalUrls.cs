using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Juthuruna.Web.Infrastructure;

public static class LocalUrls
{
    /// <summary>
    /// A return address from a form or query string, used only when it is local (else <paramref name="fallback"/>).
    /// It goes into the Location header, which takes ASCII only: a decoded "/بحث?q=أحمد" or a control character
    /// would make the server fail the response, so everything outside printable ASCII is percent-encoded (UTF-8).
    /// </summary>
    public static string LocalOr(this IUrlHelper url, string? candidate, string fallback)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(candidate) || !url.IsLocalUrl(candidate))
        {
            return fallback;
        }

        if (candidate.All(c => c is > ' ' and < '\u007f'))
        {
            return candidate;
        }

        var sb = new StringBuilder(candidate.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in candidate.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++)
            {
                sb.Append('%').Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
