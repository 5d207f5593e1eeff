using System.Text.Json;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Counters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Juthuruna.Features.Import;

/// <summary>
/// Carries out a queued import or roll-back, in the association's scope (the background runner's or a test's). The
/// workbook is read and checked again (the association's data may have changed since the dry run) and the households
/// are written in batches: one short transaction per batch writes the files with their numbers, members and past aid,
/// the <see cref="ImportedRecord"/> rows, one audit entry and the job's progress — so a batch is in whole or not at all,
/// a cancelled or failed import stops between two batches, and a resume starts after the last batch that is in.
/// Matching is by identity number, so importing the same file again creates nothing new.
/// </summary>
public sealed class ImportCommitter(
    AppDbContext db,
    ImportEngine engine,
    ImportStorage storage,
    CurrentUser currentUser,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    IStringLocalizer<SharedResource> l)
{
    private const string AuditKind = "ImportJob";

    private IStringLocalizer L => l;

    private int BatchSize => options.Value.BatchSize;

    /// <summary>Runs job <paramref name="jobId"/> if it is queued (import) or rolling back; claims it first, so two runners never share one.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        // What the job's row keeps (its error, the refusals of a check made again) is written in the association's
        // language, Arabic: nobody's request culture is in force here. (Set in this async method, it ends with it.)
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = ImportColumns.Arabic;
        var claimed = await db.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        if (job.CreatedByUserId != Guid.Empty && currentUser.UserId is null)
        {
            // The batches' audit rows name the user who started the import.
            currentUser.Use(job.CreatedByUserId);
        }

        if (claimed == 1)
        {
            await ImportAsync(job, ct);
        }
        else if (job.Status == ImportStatus.RollingBack)
        {
            await RollBackAsync(job, ct);
        }
    }

    private async Task ImportAsync(ImportJob job, CancellationToken ct)
    {
        var writer = new BatchWriter(this, job);
        try
        {
            using var source = WorkbookSource.Open(storage.PathOf(job.UploadKey), job.FileName, l);
            await engine.RunAsync(source, writer, options.Value.BatchSize, job.ProcessedRows, ct);
            await writer.FlushAsync(ct);
            await SetStatusAsync(job.Id, ImportStatus.Completed, null, ct);
        }
        catch (ImportCancelledException)
        {
            await SetStatusAsync(job.Id, ImportStatus.Cancelled, null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var message = e is ImportFileException or AllOrNothingException ? e.Message : l["The import stopped on an error; the batch in progress was not written. Resume it or roll it back."].Value;
            await SetStatusAsync(job.Id, ImportStatus.Failed, message, ct);
            if (job.AllOrNothing)
            {
                // All or nothing: what the earlier batches wrote goes too.
                await RollBackAsync(await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, ct), ct, finalStatus: ImportStatus.Failed, keepError: true);
            }

            if (e is not (ImportFileException or AllOrNothingException))
            {
                throw;
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the job stays Running with its progress; resumed by the user (shown as interrupted).
            db.ChangeTracker.Clear();
            await SetStatusAsync(job.Id, ImportStatus.Failed, l["The import was interrupted when the application stopped. Resume it or roll it back."], CancellationToken.None);
        }
    }

    private async Task SetStatusAsync(Guid jobId, ImportStatus status, string? error, CancellationToken ct) =>
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.CancelRequested, false)
            .SetProperty(j => j.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), ct);

    /// <summary>
    /// Undoes an import a batch at a time: files it created are deleted (with their members and past aid) unless a
    /// support request has been opened on one since — those stay and are counted —, files it updated get back the values
    /// they had, past aid it added to existing files is removed.
    /// </summary>
    private async Task RollBackAsync(ImportJob job, CancellationToken ct, ImportStatus finalStatus = ImportStatus.RolledBack, bool keepError = false)
    {
        var kept = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var records = await db.ImportedRecords.Where(r => r.ImportJobId == job.Id).OrderBy(r => r.Id).Take(options.Value.BatchSize).ToListAsync(ct);
            if (records.Count == 0)
            {
                await db.PastAid.Where(a => a.ImportJobId == job.Id).ExecuteDeleteAsync(ct);
                await tx.CommitAsync(ct);
                break;
            }

            var ids = records.Select(r => r.BeneficiaryId).ToList();
            var withRequests = (await db.SupportRequests.AsNoTracking().Where(r => ids.Contains(r.BeneficiaryId)).Select(r => r.BeneficiaryId).Distinct().ToListAsync(ct)).ToHashSet();
            var files = await db.Beneficiaries.Include(b => b.HouseholdMembers).Include(b => b.IncomeSources).Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
            await db.PastAid.Where(a => a.ImportJobId == job.Id && ids.Contains(a.BeneficiaryId)).ExecuteDeleteAsync(ct);
            foreach (var record in records)
            {
                if (files.TryGetValue(record.BeneficiaryId, out var file))
                {
                    if (record.Created && !withRequests.Contains(file.Id))
                    {
                        db.Beneficiaries.Remove(file);
                    }
                    else if (!record.Created && record.Before is { } before && JsonSerializer.Deserialize<BeneficiaryForm>(before) is { } form)
                    {
                        BeneficiaryFiles.Apply(form, file);
                        file.Version = Guid.NewGuid();
                        file.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
                    }
                    else
                    {
                        kept++;
                    }
                }

                db.ImportedRecords.Remove(record);
            }

            db.AuditEntries.Add(AuditRow(job, AuditAction.Deleted, [new FieldChange("RolledBack", null, records.Count)]));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }

        var note = kept == 0 ? null : l["Rolled back, except the files on which a support request has been opened since the import."].Value;
        var done = await db.ImportJobs.SingleAsync(j => j.Id == job.Id, ct);
        done.Status = finalStatus;
        done.ProcessedRows = 0;
        done.FilesCreated = 0;
        done.FilesUpdated = 0;
        done.Error = keepError ? done.Error : note;
        done.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private static string WithImportNote(string? notes, string note)
    {
        var text = string.IsNullOrWhiteSpace(notes) ? note : $"{note}\n{notes}";
        return text.Length > Beneficiary.MaxNotes ? text[..Beneficiary.MaxNotes] : text;
    }

    private AuditEntry AuditRow(ImportJob job, AuditAction action, IEnumerable<FieldChange> changes) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserId = job.CreatedByUserId == Guid.Empty ? AuditEntry.SystemUser : job.CreatedByUserId.ToString(),
        Action = action,
        EntityType = AuditKind,
        EntityId = job.Id.ToString(),
        Changes = AuditChanges.ToJson(changes),
    };

    private sealed class ImportCancelledException : Exception;

    private sealed class AllOrNothingException(string message) : Exception(message);

    /// <summary>Collects decided households and writes them a batch at a time.</summary>
    private sealed class BatchWriter(ImportCommitter owner, ImportJob job) : IHouseholdSink
    {
        private readonly List<Household> _pending = [];

        public void Start(ImportTally tally)
        {
        }

        public async Task AcceptAsync(IReadOnlyList<Household> chunk, CancellationToken ct)
        {
            if (job.AllOrNothing && chunk.FirstOrDefault(h => h.Outcome == HouseholdOutcome.Refused) is { } refused)
            {
                throw new AllOrNothingException(owner.L["All or nothing: row {0} is refused now ({1}); nothing was imported.", refused.Row.Number, refused.Problems.ByColumn.Values.First()]);
            }

            _pending.AddRange(chunk);
            if (_pending.Count >= owner.BatchSize)
            {
                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            await owner.WriteBatchAsync(job, _pending, ct);
            _pending.Clear();
        }
    }

    private async Task WriteBatchAsync(ImportJob job, List<Household> batch, CancellationToken ct)
    {
        if (await db.ImportJobs.AsNoTracking().Where(j => j.Id == job.Id).Select(j => j.CancelRequested).SingleAsync(ct))
        {
            throw new ImportCancelledException();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newOnes = batch.Where(h => h.Outcome == HouseholdOutcome.New).ToList();
        var existingIds = batch.Where(h => h.Outcome == HouseholdOutcome.Existing).Select(h => h.ExistingId!.Value).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var already = (await db.ImportedRecords.AsNoTracking().Where(r => r.ImportJobId == job.Id && existingIds.Contains(r.BeneficiaryId))
            .Select(r => r.BeneficiaryId).ToListAsync(ct)).ToHashSet();
        var existing = existingIds.Count == 0 ? []
            : await db.Beneficiaries.Include(b => b.HouseholdMembers).Include(b => b.IncomeSources).Where(b => existingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var knownAid = (await db.PastAid.AsNoTracking().Where(a => existingIds.Contains(a.BeneficiaryId))
            .Select(a => new { a.BeneficiaryId, a.Date, a.Description, a.AmountHalalas }).ToListAsync(ct))
            .Select(a => (a.BeneficiaryId, a.Date, a.Description, a.AmountHalalas)).ToHashSet();

        // "Imported from ‹file› on ‹date›", in Arabic (the association's language), on every file the import creates.
        var importedNote = ImportColumns.InCulture(ImportColumns.Arabic, () =>
            l["Imported from {0} on {1}.", job.FileName, Common.Dates.DualDate.Format(job.CreatedAtUtc, ImportColumns.Arabic)].Value);
        var next = newOnes.Count == 0 ? 0 : await TenantCounters.ReserveAsync(db, Beneficiary.FileNumberCounter, newOnes.Count, ct);
        int created = 0, updated = 0;
        foreach (var household in batch.Where(h => h.Outcome != HouseholdOutcome.Refused))
        {
            Guid fileId;
            if (household.Outcome == HouseholdOutcome.New)
            {
                var file = new Beneficiary
                {
                    FileNumber = Beneficiary.FormatFileNumber(next++),
                    IdentityNumber = household.IdentityNumber,
                    FirstName = "",
                    FatherName = "",
                    GrandfatherName = "",
                    FamilyName = "",
                    Nationality = "",
                    Mobile = "",
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                };
                BeneficiaryFiles.Apply(household.Form, file);
                file.Notes = WithImportNote(file.Notes, importedNote);
                db.Beneficiaries.Add(file);
                db.ImportedRecords.Add(new ImportedRecord { ImportJobId = job.Id, BeneficiaryId = file.Id, Created = true });
                fileId = file.Id;
                created++;
            }
            else
            {
                fileId = household.ExistingId!.Value;
                if (job.UpdateExisting && !already.Contains(fileId) && existing.TryGetValue(fileId, out var file))
                {
                    var before = JsonSerializer.Serialize(BeneficiaryFiles.ToForm(file));
                    BeneficiaryFiles.Apply(household.Form, file);
                    file.Version = Guid.NewGuid();
                    file.UpdatedAtUtc = now;
                    db.ImportedRecords.Add(new ImportedRecord { ImportJobId = job.Id, BeneficiaryId = fileId, Created = false, Before = before });
                    updated++;
                }
            }

            foreach (var aid in household.Aid.Where(a => !a.Problems.Any))
            {
                if (knownAid.Add((fileId, aid.Date, aid.Description, aid.AmountHalalas)))
                {
                    db.PastAid.Add(new PastAid
                    {
                        BeneficiaryId = fileId,
                        Date = aid.Date,
                        Description = aid.Description,
                        AmountHalalas = aid.AmountHalalas,
                        Notes = aid.Notes,
                        ImportJobId = job.Id,
                    });
                }
            }
        }

        var tracked = await db.ImportJobs.SingleAsync(j => j.Id == job.Id, ct);
        tracked.ProcessedRows = batch[^1].Row.Number;
        tracked.FilesCreated += created;
        tracked.FilesUpdated += updated;
        tracked.Batches++;
        tracked.UpdatedAtUtc = now;
        db.AuditEntries.Add(AuditRow(job, AuditAction.Created,
        [
            new FieldChange("Batch", null, tracked.Batches),
            new FieldChange("Rows", null, $"{batch[0].Row.Number}-{batch[^1].Row.Number}"),
            new FieldChange("FilesCreated", null, created),
            new FieldChange("FilesUpdated", null, updated),
        ]));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
