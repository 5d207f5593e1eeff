using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Juthuruna.IntegrationTests.Import;

/// <summary>
/// Builds real .xlsx files the way Excel writes them (a shared-strings table, numbers as numbers, the DOM API of the
/// Open XML SDK — not the application's streaming writer), and reads one back cell by cell.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<(string Name, List<object?[]> Rows)> _sheets = [];

    public const string FilesSheet = "ملفات المستفيدين";
    public const string MembersSheet = "أفراد الأسرة";
    public const string AidSheet = "المساعدات السابقة";

    public static readonly string[] FileHeaders =
    [
        "نوع الهوية", "رقم الهوية", "الاسم الأول", "اسم الأب", "اسم الجد", "اسم العائلة", "الجنس", "تاريخ الميلاد (هجري أو ميلادي)", "الجنسية",
        "الحالة الاجتماعية", "الجوال", "الحالة الوظيفية", "نوع السكن", "الدخل الشهري: الضمان الاجتماعي",
    ];

    public static readonly string[] MemberHeaders = ["رقم هوية صاحب الملف", "اسم الفرد", "صلة القرابة", "رقم الهوية", "تاريخ الميلاد (هجري أو ميلادي)"];

    public static readonly string[] AidHeaders = ["رقم هوية صاحب الملف", "تاريخ المساعدة (هجري أو ميلادي)", "ما قُدِّم", "المبلغ (ريال)"];

    /// <summary>A valid file row for <paramref name="id"/>, in <see cref="FileHeaders"/> order.</summary>
    public static object?[] FileRow(string id, string first = "محمد", string birth = "1405-03-12", string mobile = "0551234567") =>
        ["هوية وطنية", id, first, "عبد الله", "سعد", "الحربي", "ذكر", birth, "سعودي", "متزوج", mobile, "لا يعمل", "سكن مستأجر", "1500"];

    public static object?[] MemberRow(string holder, string name, string? id, string relation = "ابن") => [holder, name, relation, id, "2012-09-01"];

    public static object?[] AidRow(string holder, string date = "1445-09-01", string what = "سلة غذائية", string amount = "350") => [holder, date, what, amount];

    public TestWorkbook Sheet(string name, IEnumerable<string> headers, params object?[][] rows)
    {
        _sheets.Add((name, [headers.Cast<object?>().ToArray(), .. rows]));
        return this;
    }

    public static TestWorkbook Standard(object?[][] files, object?[][]? members = null, object?[][]? aid = null) =>
        new TestWorkbook().Sheet(FilesSheet, FileHeaders, files).Sheet(MembersSheet, MemberHeaders, members ?? []).Sheet(AidSheet, AidHeaders, aid ?? []);

    /// <summary>Options: a formula in a cell (<c>"=…"</c> strings become formulas when <paramref name="formulas"/>).</summary>
    public byte[] ToBytes(bool formulas = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var strings = new List<string>();
            var index = new Dictionary<string, int>();
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var value = rows[r][c];
                        if (value is null)
                        {
                            continue;
                        }

                        var reference = Juthuruna.Common.Spreadsheets.XlsxWriter.ColumnName(c) + (r + 1);
                        if (formulas && value is string f && f.StartsWith('='))
                        {
                            row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(f[1..]), CellValue = new CellValue("0") });
                        }
                        else if (value is int or long or double)
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) });
                        }
                        else
                        {
                            var text = value.ToString()!;
                            if (!index.TryGetValue(text, out var i))
                            {
                                i = strings.Count;
                                strings.Add(text);
                                index[text] = i;
                            }

                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            var sst = workbook.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        }

        return stream.ToArray();
    }

    /// <summary>Every sheet of an .xlsx as rows of cell texts by column letter (shared or inline strings).</summary>
    public static Dictionary<string, List<Dictionary<string, string>>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var result = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<Dictionary<string, string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new Dictionary<string, string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                    cells[column] = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                        : cell.CellValue?.Text ?? "";
                }

                rows.Add(cells);
            }

            result[sheet.Name!.Value!] = rows;
        }

        return result;
    }

    /// <summary>Whether a sheet of the workbook is right-to-left.</summary>
    public static bool IsRightToLeft(byte[] bytes, string sheetName)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<SheetView>().Any(v => v.RightToLeft?.Value == true);
    }
}
