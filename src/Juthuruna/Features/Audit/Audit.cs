using System.Text.Json;
using System.Text.Json.Nodes;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Juthuruna.Features.Audit;

/// <summary>
/// Marks an entity whose creates, updates and deletes AppDbContext records in <see cref="AuditEntry"/>
/// rows, in the same SaveChanges. Owned children (income sources, household members, address) are
/// recorded on their owner's row, with field names like <c>IncomeSources[id].MonthlyHalalas</c>.
/// </summary>
public interface IAudited;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    Transition = 4,
    Viewed = 5,
}

public sealed class AuditEntry : ITenantOwned
{
    public const string SystemUser = "system";

    /// <summary>A beneficiary acting on the association's public portal (no staff account), e.g. applying online.</summary>
    public const string PortalUser = "portal";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id, <see cref="PortalUser"/> for the public portal, or <see cref="SystemUser"/> for seed and background work.</summary>
    public required string UserId { get; set; }

    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>Compact JSON: <c>{"Field":{"old":..,"new":..}}</c>; null for Viewed.</summary>
    public string? Changes { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(40);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(40);
        builder.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId, a.AtUtc });
        builder.HasIndex(a => new { a.TenantId, a.AtUtc });
    }
}

/// <summary>The acting user of this scope; set by the web host from the sign-in claim, null for background work.</summary>
public sealed class CurrentUser
{
    public Guid? UserId { get; private set; }

    /// <summary>The scope acts for the public portal: audited as <see cref="AuditEntry.PortalUser"/>, never as a staff member.</summary>
    public bool IsPortal { get; private set; }

    public void Use(Guid userId) => UserId = userId;

    public void UsePortal()
    {
        UserId = null;
        IsPortal = true;
    }

    /// <summary>What the audit trail records as the actor.</summary>
    public string AuditName => UserId?.ToString() ?? (IsPortal ? AuditEntry.PortalUser : AuditEntry.SystemUser);
}

public sealed record FieldChange(string Field, object? Old, object? New);

/// <summary>Builds the compact change JSON; unchanged fields are left out.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string? ToJson(IEnumerable<FieldChange> changes)
    {
        var root = new JsonObject();
        foreach (var change in changes)
        {
            if (Equals(change.Old, change.New))
            {
                continue;
            }

            root[change.Field] = new JsonObject
            {
                ["old"] = JsonSerializer.SerializeToNode(change.Old, Options),
                ["new"] = JsonSerializer.SerializeToNode(change.New, Options),
            };
        }

        return root.Count == 0 ? null : root.ToJsonString(Options);
    }

    /// <summary>Reads the JSON back for display: field, old, new (as text).</summary>
    public static IReadOnlyList<(string Field, string? Old, string? New)> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var node = JsonNode.Parse(json)!.AsObject();
        return node.Select(p => (p.Key, Text(p.Value?["old"]), Text(p.Value?["new"]))).ToList();
    }

    private static string? Text(JsonNode? node) =>
        node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}

/// <summary>Access log: who opened which file (architecture: the association keeps this trail).</summary>
public sealed class AccessLog(Data.AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task RecordViewAsync(string entityType, Guid entityId, CancellationToken ct)
    {
        db.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = currentUser.AuditName,
            Action = AuditAction.Viewed,
            EntityType = entityType,
            EntityId = entityId.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }
}
