using System.Text.Json;
using System.Threading.Channels;
using Juthuruna.Common.Text;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Import;

public sealed class ImportOptions
{
    /// <summary>The largest workbook accepted (a 50,000-row workbook is about 4 MB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files per transaction of the commit: short write locks, so other users' saves go on during an import.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>False: no background runner (tests run jobs themselves with <see cref="ImportCommitter.RunAsync"/>).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>
    /// A running job whose row has not moved for this long was left by a process that died (every batch writes the
    /// row): it is shown as interrupted, to be resumed or rolled back. Far above a batch's time on a busy machine.
    /// </summary>
    public int StaleAfterMinutes { get; set; } = 10;
}

/// <summary>Jobs waiting for the background runner (tenant, job); the job's row is the truth, this only wakes the runner.</summary>
public sealed class ImportSignals
{
    private readonly Channel<(Guid TenantId, Guid JobId)> _channel = Channel.CreateUnbounded<(Guid, Guid)>();

    public void Signal(Guid tenantId, Guid jobId) => _channel.Writer.TryWrite((tenantId, jobId));

    public IAsyncEnumerable<(Guid TenantId, Guid JobId)> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Where an import's workbooks live: under the storage root, in the association's own folder.</summary>
public sealed class ImportStorage(IOptions<StorageOptions> options)
{
    public static string Key(Guid tenantId, Guid jobId, string suffix) => $"{tenantId:N}/imports/{jobId:N}{suffix}";

    public string PathOf(string key) => Path.Combine(Path.GetFullPath(options.Value.Root), key.Replace('/', Path.DirectorySeparatorChar));

    public void Delete(string? key)
    {
        if (key is not null && File.Exists(PathOf(key)))
        {
            File.Delete(PathOf(key));
        }
    }
}

public sealed record DryRunResult(Guid? JobId, string? Error);

/// <summary>What a recovery pass did in one association: jobs marked interrupted, jobs signalled to run again.</summary>
public sealed record ImportRecovered(int Interrupted, int Signalled);

/// <summary>
/// The import's commands: the dry run (upload, read, check, report — nothing written but the job row and its two
/// workbooks), and the requests the background runner carries out: import, cancel, resume, roll back.
/// </summary>
public sealed class ImportJobs(
    AppDbContext db,
    ImportEngine engine,
    ImportStorage storage,
    ImportSignals queue,
    CurrentUser currentUser,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<DryRunResult> DryRunAsync(Stream upload, string fileName, CancellationToken ct)
    {
        var tenantId = db.TenantId ?? throw new InvalidOperationException("An import runs in an association.");
        var jobId = Guid.CreateVersion7();
        var name = UserText.SingleLine(Path.GetFileName(fileName));
        name = name.Length > ImportJob.MaxFileName ? name[..ImportJob.MaxFileName] : name;
        var uploadKey = ImportStorage.Key(tenantId, jobId, name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ".csv" : ".xlsx");
        var uploadPath = storage.PathOf(uploadKey);
        Directory.CreateDirectory(Path.GetDirectoryName(uploadPath)!);

        // The upload is copied to its place first (never held in memory), the size checked as it arrives.
        long size = 0;
        await using (var target = new FileStream(uploadPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > MaxBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (size > MaxBytes || size == 0)
        {
            storage.Delete(uploadKey);
            return new DryRunResult(null, size == 0
                ? l["The chosen file is empty (0 bytes); choose the file again."]
                : l["The file is larger than the allowed size ({0} MB).", MaxBytes / (1024 * 1024)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ImportJob
        {
            Id = jobId,
            FileName = name,
            UploadKey = uploadKey,
            Status = ImportStatus.AwaitingMapping,
            CreatedByUserId = currentUser.UserId ?? Guid.Empty,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        return await CheckAsync(job, isNew: true, ct);
    }

    /// <summary>
    /// Reads and checks the stored upload of <paramref name="job"/>: a refused file is deleted with its report (a new
    /// job is then never written); columns the file lacks keep the upload and the job, awaiting the user's mapping.
    /// </summary>
    private async Task<DryRunResult> CheckAsync(ImportJob job, bool isNew, CancellationToken ct)
    {
        var refusedKey = ImportStorage.Key(job.TenantId == Guid.Empty ? db.TenantId!.Value : job.TenantId, job.Id, "-refused.xlsx");
        ImportTally tally;
        var wroteRefused = false;
        try
        {
            using var source = WorkbookSource.Open(storage.PathOf(job.UploadKey), job.FileName, l);
            await using (var refusedFile = new FileStream(storage.PathOf(refusedKey), FileMode.Create, FileAccess.ReadWrite))
            {
                using var refused = new RefusedRows(refusedFile, l);
                tally = await engine.RunAsync(source, refused, chunkSize: 500, afterRow: 0, ct);
                refused.Finish(tally);
                wroteRefused = refused.Count > 0;
            }
        }
        catch (MissingColumnsException e)
        {
            storage.Delete(refusedKey);
            job.Status = ImportStatus.AwaitingMapping;
            job.Error = e.Message;
            if (isNew)
            {
                db.ImportJobs.Add(job);
            }

            await db.SaveChangesAsync(ct);
            return new DryRunResult(job.Id, null);
        }
        catch (ImportFileException e)
        {
            storage.Delete(refusedKey);
            if (isNew)
            {
                storage.Delete(job.UploadKey);
            }

            return new DryRunResult(null, e.Message);
        }
        catch
        {
            storage.Delete(refusedKey);
            if (isNew)
            {
                storage.Delete(job.UploadKey);
            }

            throw;
        }

        if (!wroteRefused)
        {
            storage.Delete(refusedKey);
        }

        if (tally.TotalFiles() == 0)
        {
            storage.Delete(refusedKey);
            if (isNew)
            {
                storage.Delete(job.UploadKey);
            }

            return new DryRunResult(null, l["The sheet \"{0}\" has no rows under its headers.", l[ImportColumns.SheetName(ImportSheet.Files)]]);
        }

        job.RefusedKey = wroteRefused ? refusedKey : null;
        job.Status = ImportStatus.Validated;
        job.Error = null;
        job.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        job.FilesValid = tally.FilesValid;
        job.FilesExisting = tally.FilesExisting;
        job.FilesRefused = tally.FilesRefused;
        job.MembersValid = tally.MembersValid;
        job.MembersRefused = tally.MembersRefused;
        job.AidValid = tally.AidValid;
        job.AidRefused = tally.AidRefused;
        job.FirstProblems = JsonSerializer.Serialize(tally.FirstProblems);
        if (isNew)
        {
            db.ImportJobs.Add(job);
        }

        await db.SaveChangesAsync(ct);
        return new DryRunResult(job.Id, null);
    }

    /// <summary>The headers of each sheet of a job awaiting its mapping, with the template column each is matched to now.</summary>
    public async Task<IReadOnlyList<HeaderMap>> HeadersAsync(Guid jobId, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        using var source = WorkbookSource.Open(storage.PathOf(job.UploadKey), job.FileName, l);
        return await engine.MapHeadersAsync(source, ct);
    }

    /// <summary>
    /// Saves the user's mapping (per sheet: template column key → the file's column index, or null for "not in the
    /// file") as the association's mapping — remembered for its next file — and checks the upload again with it.
    /// </summary>
    public async Task<DryRunResult> MapAsync(Guid jobId, IReadOnlyDictionary<ImportSheet, IReadOnlyDictionary<string, int?>> choices, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        if (job.Status != ImportStatus.AwaitingMapping)
        {
            return new DryRunResult(null, l["This import has already been started."]);
        }

        var maps = await HeadersAsync(jobId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var map in maps)
        {
            if (!choices.TryGetValue(map.Sheet, out var chosen))
            {
                continue;
            }

            var sheetName = map.Sheet.ToString();
            var saved = await db.ImportMappings.SingleOrDefaultAsync(m => m.Sheet == sheetName, ct);
            var columns = saved is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(saved.Columns) ?? [];
            var headers = map.Headers.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!.Trim()).ToHashSet(StringComparer.Ordinal);
            var known = ImportColumns.Of(map.Sheet).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, index) in chosen)
            {
                if (!known.Contains(key))
                {
                    continue;
                }

                // One header names one column: what this file's headers said of this column before is replaced
                // (mappings of headers this file lacks are kept for the association's other files).
                foreach (var stale in columns.Where(c => c.Value == key && headers.Contains(c.Key)).Select(c => c.Key).ToList())
                {
                    columns.Remove(stale);
                }

                if (index is { } i && i >= 0 && i < map.Headers.Count && map.Headers[i] is { } header && !string.IsNullOrWhiteSpace(header))
                {
                    columns[header.Trim()] = key;
                }
            }

            if (saved is null)
            {
                db.ImportMappings.Add(new ImportMapping { Sheet = sheetName, Columns = JsonSerializer.Serialize(columns), UpdatedAtUtc = now });
            }
            else
            {
                saved.Columns = JsonSerializer.Serialize(columns);
                saved.UpdatedAtUtc = now;
            }
        }

        await db.SaveChangesAsync(ct);
        return await CheckAsync(job, isNew: false, ct);
    }

    /// <summary>Asks the runner to import a validated job; null, or why not.</summary>
    public async Task<string?> StartAsync(Guid jobId, bool updateExisting, bool allOrNothing, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        if (job.Status != ImportStatus.Validated)
        {
            return l["This import has already been started."];
        }

        if (allOrNothing && job.FilesRefused + job.MembersRefused + job.AidRefused > 0)
        {
            return l["All or nothing: the file has refused rows, so nothing would be imported. Correct the refused rows and upload the file again, or import the valid rows only."];
        }

        job.UpdateExisting = updateExisting;
        job.AllOrNothing = allOrNothing;
        return await QueueAsync(job, ImportStatus.Queued, ct);
    }

    public async Task<string?> CancelAsync(Guid jobId, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        if (job.Status is not (ImportStatus.Queued or ImportStatus.Running))
        {
            return l["This import is not running."];
        }

        // Read by the runner between two batches: the batch in progress is finished or rolled back whole.
        var changed = await db.ImportJobs.Where(j => j.Id == jobId && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        return changed == 1 ? null : l["This import is not running."].Value;
    }

    public async Task<string?> ResumeAsync(Guid jobId, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        return job.Status is ImportStatus.Cancelled or ImportStatus.Failed
            ? await QueueAsync(job, ImportStatus.Queued, ct)
            : l["Only a cancelled or failed import can be resumed."].Value;
    }

    public async Task<string?> RollbackAsync(Guid jobId, CancellationToken ct)
    {
        var job = await FindAsync(jobId, ct);
        return job.Status is ImportStatus.Cancelled or ImportStatus.Failed or ImportStatus.Completed
            ? await QueueAsync(job, ImportStatus.RollingBack, ct)
            : l["Only a finished, cancelled or failed import can be rolled back."].Value;
    }

    /// <summary>
    /// After a restart (and every few minutes): a job left running by a process that died is marked interrupted; the
    /// jobs waiting to run — queued, or rolling back with no one at work on them — are returned to be signalled again
    /// (the runner's claim makes a second signal harmless).
    /// </summary>
    public async Task<ImportRecovered> RecoverAsync(CancellationToken ct)
    {
        // Background work: the row's message in the association's language (as the runner writes its own).
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = ImportColumns.Arabic;
        var stale = clock.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, options.Value.StaleAfterMinutes));
        var interrupted = await db.ImportJobs.Where(j => j.Status == ImportStatus.Running && j.UpdatedAtUtc < stale)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Failed)
                .SetProperty(j => j.CancelRequested, false)
                .SetProperty(j => j.Error, l["The import was interrupted when the application stopped. Resume it or roll it back."].Value)
                .SetProperty(j => j.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
        var waiting = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.RollingBack && j.UpdatedAtUtc < stale))
            .Select(j => new { j.TenantId, j.Id })
            .ToListAsync(ct);
        foreach (var job in waiting)
        {
            queue.Signal(job.TenantId, job.Id);
        }

        return new ImportRecovered(interrupted, waiting.Count);
    }

    private async Task<string?> QueueAsync(ImportJob job, ImportStatus status, CancellationToken ct)
    {
        job.Status = status;
        job.CancelRequested = false;
        job.Error = null;
        job.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        queue.Signal(job.TenantId, job.Id);
        return null;
    }

    private async Task<ImportJob> FindAsync(Guid jobId, CancellationToken ct) =>
        await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct) ?? throw new EntityNotFoundException(nameof(ImportJob), jobId);
}

internal static class ImportTallyExtensions
{
    public static int TotalFiles(this ImportTally tally) => tally.FilesValid + tally.FilesExisting + tally.FilesRefused;
}
