using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

/// <summary>A file the import refuses as a whole (corrupt, protected, wrong sheets, not UTF-8…); the message is for the user.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>One non-empty row of a sheet: its number as the spreadsheet shows it and its cells by column (0-based).</summary>
public sealed record SheetRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;
}

/// <summary>
/// An uploaded .xlsx or .csv, read row by row: the workbook's XML is walked with the SAX-style <see cref="OpenXmlReader"/>
/// (one row in memory at a time; only the shared-strings table is held), a CSV is decoded as strict UTF-8. Empty rows are
/// skipped, however many there are; a formula anywhere refuses the file (its value could be anything the next time
/// Excel computes it). A CSV holds the files sheet only.
/// </summary>
public sealed class WorkbookSource : IDisposable
{
    /// <summary>More data rows than this in one sheet is refused: an association's records, not a database dump.</summary>
    public const int MaxRows = 200_000;

    private readonly IStringLocalizer _l;
    private readonly FileStream _stream;
    private readonly SpreadsheetDocument? _document;
    private readonly List<string>? _sharedStrings;
    private readonly Dictionary<ImportSheet, WorksheetPart> _sheets = [];

    private WorkbookSource(IStringLocalizer l, FileStream stream, SpreadsheetDocument? document)
    {
        _l = l;
        _stream = stream;
        _document = document;
        if (document?.WorkbookPart is { } workbook)
        {
            foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                var kind = SheetKind(sheet.Name?.Value);
                if (kind is not null && sheet.Id?.Value is { } id && !_sheets.ContainsKey(kind.Value) && workbook.GetPartById(id) is WorksheetPart part)
                {
                    _sheets[kind.Value] = part;
                }
            }

            _sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart);
        }
    }

    public bool IsCsv => _document is null;

    /// <summary>Opens <paramref name="path"/> (the stored upload) and checks what can be checked without reading the rows.</summary>
    public static WorkbookSource Open(string path, string fileName, IStringLocalizer l)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            if (stream.Length == 0)
            {
                throw new ImportFileException(l["The chosen file is empty (0 bytes); choose the file again."]);
            }

            Span<byte> head = stackalloc byte[8];
            var read = stream.Read(head);
            stream.Position = 0;
            if (read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            {
                // An OLE container: an encrypted (password-protected) .xlsx, or an old .xls.
                throw new ImportFileException(l["The workbook is protected with a password or saved in the old Excel 97-2003 format. Remove the password and save it as an Excel workbook (.xlsx), then upload it again."]);
            }

            if (read >= 2 && head[0] == (byte)'P' && head[1] == (byte)'K')
            {
                SpreadsheetDocument document;
                try
                {
                    document = SpreadsheetDocument.Open(stream, false, new OpenSettings { AutoSave = false });
                    _ = document.WorkbookPart?.Workbook;
                }
                catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
                {
                    throw Corrupt(l);
                }

                if (document.WorkbookPart is null)
                {
                    document.Dispose();
                    throw Corrupt(l);
                }

                var source = new WorkbookSource(l, stream, document);
                if (!source._sheets.ContainsKey(ImportSheet.Files))
                {
                    source.Dispose();
                    throw new ImportFileException(l["The workbook has no sheet named \"{0}\". Use the template's sheets: {1}.", l[ImportColumns.SheetName(ImportSheet.Files)],
                        string.Join("، ", Enum.GetValues<ImportSheet>().Select(s => l[ImportColumns.SheetName(s)].Value))]);
                }

                return source;
            }

            if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportFileException(l["The file is not an Excel workbook (.xlsx) or a CSV file (.csv)."]);
            }

            CheckUtf8(stream, l);
            return new WorkbookSource(l, stream, null);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public bool Has(ImportSheet sheet) => IsCsv ? sheet == ImportSheet.Files : _sheets.ContainsKey(sheet);

    /// <summary>The sheet's non-empty rows, the header row first.</summary>
    public IEnumerable<SheetRow> Rows(ImportSheet sheet)
    {
        if (IsCsv)
        {
            return sheet == ImportSheet.Files ? CsvRows() : [];
        }

        return _sheets.TryGetValue(sheet, out var part) ? XlsxRows(part, sheet) : [];
    }

    private IEnumerable<SheetRow> XlsxRows(WorksheetPart part, ImportSheet sheet)
    {
        var count = 0;
        using var reader = OpenXmlReader.Create(part);
        while (true)
        {
            bool more;
            Row? row = null;
            try
            {
                more = reader.Read();
                if (more && reader.IsStartElement && reader.ElementType == typeof(Row))
                {
                    row = (Row)reader.LoadCurrentElement()!;
                }
            }
            catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException)
            {
                throw Corrupt(_l);
            }

            if (!more)
            {
                yield break;
            }

            if (row is null)
            {
                continue;
            }

            var cells = new List<string?>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (cell.CellFormula is not null)
                {
                    throw new ImportFileException(_l["The cell {0} of the sheet \"{1}\" holds a formula. Replace the formulas with their values (copy, then paste values only) and upload again.",
                        cell.CellReference?.Value ?? "", _l[ImportColumns.SheetName(sheet)]]);
                }

                var value = CellText(cell);
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = value;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++count > MaxRows + 1)
            {
                throw new ImportFileException(_l["The sheet \"{0}\" has more than {1} rows; split the file and import it in parts.", _l[ImportColumns.SheetName(sheet)], MaxRows]);
            }

            var number = row.RowIndex?.Value is { } index ? (int)index : count;
            yield return new SheetRow(number, [.. cells]);
        }
    }

    private string? CellText(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i)
                && _sharedStrings is { } table && i >= 0 && i < table.Count ? table[i] : null;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }

    private IEnumerable<SheetRow> CsvRows()
    {
        // The header line decides the separator: Excel writes ';' where the decimal separator is a comma.
        _stream.Position = 0;
        char separator;
        using (var head = new StreamReader(_stream, new UTF8Encoding(false, true), true, 4096, leaveOpen: true))
        {
            var first = head.ReadLine() ?? "";
            separator = first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
        }

        _stream.Position = 0;
        using var text = new StreamReader(_stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var number = 0;
        var count = 0;
        foreach (var fields in CsvRecords(text, separator))
        {
            number++;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++count > MaxRows + 1)
            {
                throw new ImportFileException(_l["The sheet \"{0}\" has more than {1} rows; split the file and import it in parts.", _l[ImportColumns.SheetName(ImportSheet.Files)], MaxRows]);
            }

            yield return new SheetRow(number, [.. fields]);
        }
    }

    /// <summary>RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks.</summary>
    private static IEnumerable<List<string>> CsvRecords(StreamReader text, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = text.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (text.Peek() == '"')
                {
                    field.Append('"');
                    text.Read();
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && text.Peek() == '\n')
                {
                    text.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                any = false;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }

    private static void CheckUtf8(FileStream stream, IStringLocalizer l)
    {
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        int read;
        try
        {
            while ((read = stream.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(l["The CSV file is not in UTF-8: it looks like Windows Arabic (Windows-1256), whose letters would be imported wrongly. In Excel choose Save As → \"CSV UTF-8 (comma delimited)\", or upload the workbook (.xlsx) itself."]);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                // The text runs only: phonetic guides (rPh) are not part of the value.
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return strings;
    }

    /// <summary>"C12" → 2; null when the reference is missing or malformed.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (ch - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is 0 or > 3 ? null : index - 1;
    }

    private ImportSheet? SheetKind(string? name)
    {
        var comparable = ImportColumns.Comparable(name);
        foreach (var sheet in Enum.GetValues<ImportSheet>())
        {
            var key = ImportColumns.SheetName(sheet);
            if (comparable == ImportColumns.Comparable(key)
                || comparable == ImportColumns.Comparable(ImportColumns.InCulture(ImportColumns.Arabic, () => _l[key].Value)))
            {
                return sheet;
            }
        }

        return null;
    }

    private static ImportFileException Corrupt(IStringLocalizer l) =>
        new(l["The workbook cannot be read: the file is damaged or is not an Excel workbook. Open it in Excel, save it again as .xlsx and upload it again."]);

    public void Dispose()
    {
        _document?.Dispose();
        _stream.Dispose();
    }
}
