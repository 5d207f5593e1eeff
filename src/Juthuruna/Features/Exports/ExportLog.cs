using Juthuruna.Data;
using Juthuruna.Features.Audit;

namespace Juthuruna.Features.Exports;

/// <summary>Every export leaves an audit entry: who, which list, the format, the filters and how many rows (issue 16).</summary>
public sealed class ExportLog(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task RecordAsync(string list, string format, IReadOnlyDictionary<string, string?> filters, int rows, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = currentUser.AuditName,
            Action = AuditAction.Exported,
            EntityType = list,
            EntityId = format,
            // The audit log's own change format, so the log page shows the export like any other entry.
            Changes = AuditChanges.ToJson(filters.Where(f => !string.IsNullOrEmpty(f.Value))
                .Select(f => new FieldChange(f.Key, null, f.Value))
                .Append(new FieldChange("Rows", null, rows))),
        });
        await db.SaveChangesAsync(ct);
    }
}
