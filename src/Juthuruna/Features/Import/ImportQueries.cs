using Juthuruna.Common.Spreadsheets;
using System.Text.Json;
using Juthuruna.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

public sealed record ImportJobRow(Guid Id, string FileName, ImportStatus Status, DateTime CreatedAtUtc, int Files, int FilesCreated, int FilesUpdated);

public sealed record ImportJobView(ImportJob Job, IReadOnlyList<ImportProblem> FirstProblems)
{
    /// <summary>Files handled by the commit so far, out of the importable ones (for the progress bar).</summary>
    public int Percent => Job.Status is ImportStatus.Completed ? 100
        : Job.TotalFiles == 0 ? 0 : (int)Math.Min(100, Job.ProcessedRows * 100L / Math.Max(1, LastRow));

    /// <summary>Approximate last row number of the files sheet: the header plus every row.</summary>
    public int LastRow => Job.TotalFiles + 1;
}

public sealed record PastAidRow(DateOnly Date, string Description, long AmountHalalas, string? Notes);

/// <summary>Reads of the import: the association's jobs, one job's report, and what an import left on a file.</summary>
public sealed class ImportQueries(AppDbContext db, ImportStorage storage)
{
    public const int ListSize = 20;

    public Task<List<ImportJobRow>> RecentAsync(CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().OrderByDescending(j => j.CreatedAtUtc).Take(ListSize)
            .Select(j => new ImportJobRow(j.Id, j.FileName, j.Status, j.CreatedAtUtc, j.FilesValid + j.FilesExisting + j.FilesRefused, j.FilesCreated, j.FilesUpdated))
            .ToListAsync(ct);

    public async Task<ImportJobView> JobAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct)
            ?? throw new EntityNotFoundException(nameof(ImportJob), id);
        return new ImportJobView(job, JsonSerializer.Deserialize<List<ImportProblem>>(job.FirstProblems) ?? []);
    }

    /// <summary>The refused-rows workbook of job <paramref name="id"/> (this association's only), or null when none was written.</summary>
    public async Task<(string Path, string FileName)?> RefusedRowsAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.RefusedKey, j.FileName }).SingleOrDefaultAsync(ct)
            ?? throw new EntityNotFoundException(nameof(ImportJob), id);
        if (job.RefusedKey is null || !File.Exists(storage.PathOf(job.RefusedKey)))
        {
            return null;
        }

        return (storage.PathOf(job.RefusedKey), Path.GetFileNameWithoutExtension(job.FileName) + "-refused.xlsx");
    }

    /// <summary>The file's past aid, newest first (read-only history from imports).</summary>
    public Task<List<PastAidRow>> PastAidAsync(Guid beneficiaryId, CancellationToken ct) =>
        db.PastAid.AsNoTracking().Where(a => a.BeneficiaryId == beneficiaryId).OrderByDescending(a => a.Date).Take(200)
            .Select(a => new PastAidRow(a.Date, a.Description, a.AmountHalalas, a.Notes)).ToListAsync(ct);
}

/// <summary>The template workbook: the three sheets with Arabic headers, an example row, and a sheet of the allowed values.</summary>
public static class ImportTemplate
{
    public static void Write(Stream output, IStringLocalizer l)
    {
        ImportColumns.InCulture(ImportColumns.Arabic, () =>
        {
            using var writer = new XlsxWriter(output);
            foreach (var sheet in Enum.GetValues<ImportSheet>())
            {
                var columns = ImportColumns.Of(sheet);
                writer.BeginSheet(l[ImportColumns.SheetName(sheet)], columns.Select(c => (double)Math.Max(14, l[c.Header].Value.Length + 4)).ToList());
                writer.WriteRow(columns.Select(c => ((string?)l[c.Header].Value, CellStyle.Header)).ToList());
                writer.WriteRow(columns.Select(c => ((string?)(c.Allowed is null ? c.Example : l[c.Example].Value), CellStyle.Plain)).ToList());
            }

            // What each column takes: required or not, and the allowed values of the columns of choices.
            writer.BeginSheet(l["Instructions"], [28, 14, 90]);
            writer.WriteRow([(l["Sheet"], CellStyle.Header), (l["Required"], CellStyle.Header), (l["Column and allowed values"], CellStyle.Header)]);
            foreach (var sheet in Enum.GetValues<ImportSheet>())
            {
                foreach (var column in ImportColumns.Of(sheet))
                {
                    var allowed = column.Allowed is null ? "" : " — " + l["Allowed values: {0}", string.Join("، ", column.Allowed(l))];
                    writer.WriteRow(l[ImportColumns.SheetName(sheet)], column.Required ? l["Yes"] : l["No"], l[column.Header] + allowed);
                }
            }

            writer.WriteRow(l["Notes"], "", l["Dates may be Hijri (1445-09-01) or Gregorian (2024-03-11), year first or day first; Arabic-Indic digits are accepted. A household member or a past aid row names its file by the holder's identity number. Delete the example rows before importing."]);
            return 0;
        });
    }
}
