using System.Globalization;

namespace Juthuruna.Common.Paging;

/// <summary>
/// Where a page of a newest-first list starts or ends (ADR 0018): the row's time and its id, which makes the key unique.
/// Written into links as text (<c>ticks~id</c>); an unreadable one is no cursor (the first page).
/// </summary>
public sealed record TimeCursor(DateTime At, Guid Id)
{
    public override string ToString() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}~{Id}";

    public static TimeCursor? Parse(string? text)
    {
        var parts = (text ?? "").Split('~');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && Guid.TryParse(parts[1], out var id)
                ? new TimeCursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
    }
}
