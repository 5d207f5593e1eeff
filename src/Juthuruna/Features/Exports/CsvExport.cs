using System.Text;

namespace Juthuruna.Features.Exports;

/// <summary>
/// A list written as CSV for Excel (issue 16): UTF-8 with a byte-order mark (without it Excel shows Arabic as
/// mojibake), comma-separated, every field quoted, rows written as they are read (nothing held in memory). A value a
/// spreadsheet would take for a formula is neutralised (<see cref="ExportCell.Neutralise"/>).
/// </summary>
public static class CsvExport
{
    /// <returns>The number of data rows written.</returns>
    public static async Task<int> WriteAsync<T>(
        Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<T> rows, Func<T, IReadOnlyList<string?>> cells, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, headers);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await WriteLineAsync(writer, cells(row));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return count;
    }

    private static async Task WriteLineAsync(StreamWriter writer, IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync('"');
            await writer.WriteAsync(ExportCell.Neutralise(values[i]).Replace("\"", "\"\"", StringComparison.Ordinal));
            await writer.WriteAsync('"');
        }

        await writer.WriteAsync("\r\n");
    }
}

public static class ExportCell
{
    /// <summary>
    /// A text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be run as a
    /// formula by a spreadsheet (CSV injection, OWASP): it gets a leading apostrophe, which shows the text as typed.
    /// Bidi control characters are removed (they could reorder what the reader sees).
    /// </summary>
    public static string Neutralise(string? value)
    {
        var text = Common.Text.UserText.StripBidiControls(value ?? "");
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
