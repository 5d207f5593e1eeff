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
        var refusedKey = ImportStorage.Key(tenantId, jobId, "-refused.xlsx");
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

        ImportTally tally;
        var wroteRefused = false;
        try
        {
            using var source = WorkbookSource.Open(uploadPath, name, l);
            await using (var refusedFile = new FileStream(storage.PathOf(refusedKey), FileMode.Create, FileAccess.ReadWrite))
            {
                using var refused = new RefusedRows(refusedFile, l);
                tally = await engine.RunAsync(source, refused, chunkSize: 500, afterRow: 0, ct);
                refused.Finish(tally);
                wroteRefused = refused.Count > 0;
            }
        }
        catch (ImportFileException e)
        {
            storage.Delete(uploadKey);
            storage.Delete(refusedKey);
            return new DryRunResult(null, e.Message);
        }
        catch
        {
            storage.Delete(uploadKey);
            storage.Delete(refusedKey);
            throw;
        }

        if (!wroteRefused)
        {
            storage.Delete(refusedKey);
        }

        if (tally.TotalFiles() == 0)
        {
            storage.Delete(uploadKey);
            storage.Delete(refusedKey);
            return new DryRunResult(null, l["The sheet \"{0}\" has no rows under its headers.", l[ImportColumns.SheetName(ImportSheet.Files)]]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ImportJobs.Add(new ImportJob
        {
            Id = jobId,
            FileName = name,
            UploadKey = uploadKey,
            RefusedKey = wroteRefused ? refusedKey : null,
            Status = ImportStatus.Validated,
            CreatedByUserId = currentUser.UserId ?? Guid.Empty,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            FilesValid = tally.FilesValid,
            FilesExisting = tally.FilesExisting,
            FilesRefused = tally.FilesRefused,
            MembersValid = tally.MembersValid,
            MembersRefused = tally.MembersRefused,
            AidValid = tally.AidValid,
            AidRefused = tally.AidRefused,
            FirstProblems = JsonSerializer.Serialize(tally.FirstProblems),
        });
        await db.SaveChangesAsync(ct);
        return new DryRunResult(jobId, null);
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
