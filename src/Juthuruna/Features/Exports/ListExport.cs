using System.Text;
using Juthuruna.Common.Spreadsheets;

namespace Juthuruna.Features.Exports;

public enum ExportFormat
{
    Xlsx = 0,
    Csv = 1,
}

/// <summary>One column of an exported list: its header (in the reader's language) and its cell for a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, (string? Text, CellStyle Style)> Cell, double Width = 18);

public static class ExportColumn
{
    public static ExportColumn<T> Text<T>(string header, Func<T, string?> text, double width = 18) => new(header, r => (text(r), CellStyle.Plain), width);

    /// <summary>Halalas written as riyals, a number cell in .xlsx.</summary>
    public static ExportColumn<T> Amount<T>(string header, Func<T, long?> halalas) => new(header, r => XlsxWriter.Amount(halalas(r)), 14);
}

/// <summary>
/// A list written out for Excel (issue 16), row by row as the query reads it — nothing of the list is held in memory:
/// <list type="bullet">
/// <item>.xlsx: one right-to-left sheet, bold frozen header row, amounts as numbers, everything else as text (a text
/// cell never computes, so a value starting with <c>=</c> stays what it is). Written to a temporary file first (a zip
/// needs to seek), then copied to the response.</item>
/// <item>.csv: UTF-8 with a byte-order mark (without it Excel shows Arabic as mojibake), every field quoted, values a
/// spreadsheet would run as formulas neutralised (<see cref="ExportCell.Neutralise"/>).</item>
/// </list>
/// </summary>
public static class ListExport
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    /// <returns>The number of data rows written.</returns>
    public static Task<int> WriteAsync<T>(
        ExportFormat format, Stream output, string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct) =>
        format == ExportFormat.Csv ? WriteCsvAsync(output, columns, rows, ct) : WriteXlsxAsync(output, sheetName, columns, rows, ct);

    private static async Task<int> WriteXlsxAsync<T>(Stream output, string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"juthuruna-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var count = 0;
        using (var writer = new XlsxWriter(file))
        {
            writer.BeginSheet(sheetName, columns.Select(c => c.Width).ToList());
            writer.WriteRow(columns.Select(c => ((string?)c.Header, CellStyle.Header)).ToList());
            await foreach (var row in rows.WithCancellation(ct))
            {
                writer.WriteRow(columns.Select(c => c.Cell(row)).ToList());
                count++;
            }
        }

        file.Position = 0;
        await file.CopyToAsync(output, ct);
        return count;
    }

    private static async Task<int> WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, columns.Select(c => ExportCell.Neutralise(c.Header)).ToList());
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await WriteLineAsync(writer, columns.Select(c => c.Cell(row) is var (text, style) && style == CellStyle.Amount ? text ?? "" : ExportCell.Neutralise(text)).ToList());
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return count;
    }

    private static async Task WriteLineAsync(StreamWriter writer, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync('"');
            await writer.WriteAsync(values[i].Replace("\"", "\"\"", StringComparison.Ordinal));
            await writer.WriteAsync('"');
        }

        await writer.WriteAsync("\r\n");
    }
}

public static class ExportCell
{
    /// <summary>
    /// A text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be run as a
    /// formula by a spreadsheet opening a CSV (CSV injection, OWASP): it gets a leading apostrophe, which shows the text
    /// as typed. Bidi control characters are removed (they could reorder what the reader sees).
    /// </summary>
    public static string Neutralise(string? value)
    {
        var text = Common.Text.UserText.StripBidiControls(value ?? "");
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
