using Juthuruna.Common.Spreadsheets;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

/// <summary>
/// The dry run's sink: writes the refused rows, as they are decided, into a workbook with the uploaded file's own
/// columns — each followed by a "reason refused" column, filled beside each refused cell (which is shaded) — and the
/// row's number in the uploaded file first. Corrected in place, it can be uploaded again as it is: the reader skips the
/// reason and row-number columns.
/// </summary>
public sealed class RefusedRows : IHouseholdSink, IDisposable
{
    private readonly XlsxWriter _writer;
    private readonly IStringLocalizer _l;
    private bool _filesBegun;

    public RefusedRows(Stream output, IStringLocalizer l)
    {
        _writer = new XlsxWriter(output);
        _l = l;
    }

    /// <summary>Rows written, all sheets.</summary>
    public int Count { get; private set; }

    public Task AcceptAsync(IReadOnlyList<Household> chunk, CancellationToken ct)
    {
        foreach (var household in chunk.Where(h => h.Outcome == HouseholdOutcome.Refused))
        {
            // The map is the same for every row of the sheet; it comes with the first refused one.
            Write(ImportSheet.Files, household.Row, household.Problems, _filesMap!);
        }

        return Task.CompletedTask;
    }

    private HeaderMap? _filesMap;

    /// <summary>Before the files are decided: the files sheet starts with its header.</summary>
    public void Start(ImportTally tally) => BeginFiles(tally.FilesMap!);

    private void BeginFiles(HeaderMap map)
    {
        _filesMap = map;
        Begin(map);
        _filesBegun = true;
    }

    /// <summary>After the pass: the refused members and aid rows (decided only once every file is).</summary>
    public void Finish(ImportTally tally)
    {
        if (!_filesBegun && tally.FilesMap is { } files)
        {
            BeginFiles(files);
        }

        if (tally.MembersMap is { } members)
        {
            Begin(members);
            foreach (var member in tally.Members.Where(m => m.Problems.Any))
            {
                Write(ImportSheet.Members, member.Row, member.Problems, members);
            }
        }

        if (tally.AidMap is { } aid)
        {
            Begin(aid);
            foreach (var row in tally.Aid.Where(a => a.Problems.Any))
            {
                Write(ImportSheet.Aid, row.Row, row.Problems, aid);
            }
        }
    }

    private void Begin(HeaderMap map)
    {
        var headers = map.Headers;
        var widths = new List<double> { 10 };
        var cells = new List<(string?, CellStyle)> { (_l["Row in the uploaded file"], CellStyle.Header) };
        for (var i = 0; i < headers.Count; i++)
        {
            cells.Add((headers[i], CellStyle.Header));
            cells.Add((_l[ImportColumns.ReasonHeader, headers[i] ?? ""], CellStyle.Header));
            widths.Add(18);
            widths.Add(30);
        }

        _writer.BeginSheet(_l[ImportColumns.SheetName(map.Sheet)], widths);
        _writer.WriteRow(cells);
    }

    private void Write(ImportSheet sheet, SheetRow row, RowProblems problems, HeaderMap map)
    {
        var byIndex = new Dictionary<int, string>();
        var unplaced = new List<string>();
        foreach (var (column, message) in problems.ByColumn)
        {
            if (map.Columns.TryGetValue(column, out var index))
            {
                byIndex[index] = byIndex.TryGetValue(index, out var before) ? $"{before} {message}" : message;
            }
            else
            {
                unplaced.Add(message);
            }
        }

        if (unplaced.Count > 0)
        {
            // A reason about a column the file does not have goes beside its first column.
            byIndex[0] = string.Join(' ', unplaced.Prepend(byIndex.GetValueOrDefault(0)).OfType<string>());
        }

        var width = Math.Max(map.Headers.Count, row.Cells.Length);
        var cells = new List<(string?, CellStyle)> { (row.Number.ToString(CultureInfo.InvariantCulture), CellStyle.Note) };
        for (var i = 0; i < width; i++)
        {
            var refused = byIndex.TryGetValue(i, out var reason);
            cells.Add((row[i], refused ? CellStyle.Refused : CellStyle.Plain));
            cells.Add((reason, refused ? CellStyle.Reason : CellStyle.Plain));
        }

        _ = sheet;
        _writer.WriteRow(cells);
        Count++;
    }

    public void Dispose() => _writer.Dispose();
}
