using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Juthuruna.Common.Text;

namespace Juthuruna.Common.Spreadsheets;

public enum CellStyle : uint
{
    Plain = 0,
    Header = 1,
    Refused = 2,
    Reason = 3,
    Note = 4,

    /// <summary>A number with two decimals (amounts in riyals).</summary>
    Amount = 5,

    /// <summary>A number as typed (counts, days, shares): the text is the invariant number.</summary>
    Number = 6,
}

/// <summary>
/// Writes an .xlsx sheet by sheet, row by row, with <see cref="OpenXmlWriter"/> (nothing of a sheet is kept in memory):
/// right-to-left sheets with a frozen header row, inline strings, a header style, the import's refused-cell styles and
/// amounts as numbers (<see cref="WriteAmount"/> cells). Text is always a string cell, so one that a spreadsheet would
/// take for a formula (=, +, -, @) stays text — a cell cannot compute. Used by the import (its template and refused
/// rows) and the list exports (issue 16).
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private Stream? _sheetStream;
    private OpenXmlWriter? _writer;
    private int _rowNumber;

    public XlsxWriter(Stream output)
    {
        // The package is a zip written entry after entry (ZipArchiveMode.Create): each sheet is compressed as it is
        // written and nothing stays in memory. The Open XML SDK's own packaging opens a seekable stream in update mode
        // and holds every part until the end (~380 MB for 120,000 rows; docs/benchmarks.md, list exports) and refuses
        // a write-only one, so the few fixed parts are written here and only the XML comes from the SDK.
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart("xl/styles.xml", new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }),
                new Font(new Bold(), new FontSize { Val = 11 }),
                new Font(new Color { Rgb = "FF9C0006" }, new FontSize { Val = 11 }),
                new Font(new Italic(), new Color { Rgb = "FF595959" }, new FontSize { Val = 11 })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
                new CellFormat { FontId = 0, FillId = 3, ApplyFill = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat { FontId = 3, ApplyFont = true },
                new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }, // built-in "#,##0.00"
                new CellFormat { NumberFormatId = 0, ApplyNumberFormat = true }))); // built-in "General"
    }

    /// <summary>Starts a new right-to-left sheet; <paramref name="widths"/> are the columns' widths in characters.</summary>
    public void BeginSheet(string name, IReadOnlyList<double> widths)
    {
        EndSheet();
        _sheets.Add(name);
        _sheetStream = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheetStream, System.Text.Encoding.UTF8);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetViews());
        _writer.WriteStartElement(new SheetView { RightToLeft = true, WorkbookViewId = 0 });
        _writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        if (widths.Count > 0)
        {
            _writer.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Count; i++)
            {
                _writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            }

            _writer.WriteEndElement();
        }

        _writer.WriteStartElement(new SheetData());
        _rowNumber = 0;
    }

    public void WriteRow(IReadOnlyList<(string? Text, CellStyle Style)> cells)
    {
        var writer = _writer ?? throw new InvalidOperationException("No sheet begun.");
        _rowNumber++;
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", _rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        for (var i = 0; i < cells.Count; i++)
        {
            var (text, style) = cells[i];
            if (string.IsNullOrEmpty(text) && style == CellStyle.Plain)
            {
                continue;
            }

            var reference = ColumnName(i) + _rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (style is CellStyle.Amount or CellStyle.Number)
            {
                // An amount: a number cell (text = the invariant decimal), so the sheet can add it up.
                writer.WriteElement(new Cell { CellReference = reference, StyleIndex = (uint)style, CellValue = new CellValue(text ?? "") });
                continue;
            }

            var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString };
            if (style != CellStyle.Plain)
            {
                cell.StyleIndex = (uint)style;
            }

            cell.InlineString = new InlineString(new SheetText(Clean(text ?? "")) { Space = SpaceProcessingModeValues.Preserve });
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    public void WriteRow(params string?[] cells) => WriteRow(cells.Select(c => (c, CellStyle.Plain)).ToList());

    /// <summary>An amount cell of <see cref="WriteRow(IReadOnlyList{ValueTuple{string, CellStyle}})"/>: halalas as riyals, a number.</summary>
    public static (string? Text, CellStyle Style) Amount(long? halalas) =>
        halalas is { } h ? ((h / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), CellStyle.Amount) : (null, CellStyle.Plain);

    private void EndSheet()
    {
        if (_writer is null)
        {
            return;
        }

        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        _writer.Dispose();
        _writer = null;
        _sheetStream!.Dispose();
        _sheetStream = null;
    }

    public void Dispose()
    {
        EndSheet();
        var sheets = Enumerable.Range(1, _sheets.Count).ToList();
        WritePart("xl/workbook.xml", new Workbook(new Sheets(sheets.Select(i => new Sheet { Name = _sheets[i - 1], SheetId = (uint)i, Id = $"rId{i}" }))));
        WriteText("xl/_rels/workbook.xml.rels", Relationships(
            sheets.Select(i => ($"rId{i}", "worksheet", $"worksheets/sheet{i}.xml")).Append(("rIdStyles", "styles", "styles.xml"))));
        WriteText("_rels/.rels", Relationships([("rId1", "officeDocument", "xl/workbook.xml")]));
        WriteText("[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + string.Concat(sheets.Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
            + "</Types>");
        _zip.Dispose();
    }

    private void WritePart(string path, OpenXmlElement root) =>
        WriteText(path, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + root.OuterXml);

    private void WriteText(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        stream.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }

    private static string Relationships(IEnumerable<(string Id, string Type, string Target)> relationships) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(relationships.Select(r =>
            $"<Relationship Id=\"{r.Id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{r.Type}\" Target=\"{r.Target}\"/>"))
        + "</Relationships>";

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    // Control characters are not allowed in XML; a sheet name or value never needs them.
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()) : UserText.StripBidiControls(text);
}
