using System.Text;

namespace Juthuruna.Common.Text;

/// <summary>
/// Text typed by a person is data, never direction: the explicit bidirectional embedding, override and isolate
/// controls (U+202A–U+202E, U+2066–U+2069) let one value reorder what is shown around it ("‮gpj.exe" reads as
/// "exe.jpg"), so they are removed before anything is stored. The marks U+200E/U+200F carry no structure and
/// are removed from single-line values (names, numbers, file names) too.
/// </summary>
public static class UserText
{
    /// <summary>Removes the bidi embedding/override/isolate controls; keeps line breaks and the LRM/RLM marks.</summary>
    public static string StripBidiControls(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Strip(value, removeMarks: false);
    }

    /// <summary>
    /// A single-line value as it should be stored: bidi controls and marks removed, control characters
    /// (tabs, line breaks) turned into spaces, runs of spaces collapsed, trimmed.
    /// </summary>
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var stripped = Strip(value, removeMarks: true);
        var sb = new StringBuilder(stripped.Length);
        var lastWasSpace = false;
        foreach (var c in stripped)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space)
            {
                if (!lastWasSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }

            lastWasSpace = space;
        }

        return sb.ToString().TrimEnd();
    }

    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    public static bool IsBidiMark(char c) => c is '\u200E' or '\u200F' or '\u061C';

    private static string Strip(string value, bool removeMarks)
    {
        if (!value.Any(c => IsBidiControl(c) || (removeMarks && IsBidiMark(c))))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!IsBidiControl(c) && !(removeMarks && IsBidiMark(c)))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
