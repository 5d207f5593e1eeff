using Juthuruna.Common.Text;
using Juthuruna.Tenancy;

namespace Juthuruna.Features.Services;

/// <summary>A service the association offers (food basket, rent assistance, sponsorship of a cultural course…).</summary>
public sealed class SupportService : ITenantOwned
{
    public const int MaxDescription = TextLimits.Note;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>Upper-case ASCII, unique within the association, e.g. <c>FOOD-BASKET</c>.</summary>
    public required string Code { get; set; }

    public required string NameAr { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }

    /// <summary>What the service usually costs, in halalas; a request may ask for another amount.</summary>
    public long? DefaultAmountHalalas { get; set; }

    /// <summary>Inactive services cannot be requested any more; they are kept because requests refer to them.</summary>
    public bool IsActive { get; set; } = true;

    public List<ServiceRequirement> Requirements { get; set; } = [];

    /// <summary>App-managed optimistic concurrency token, renewed on every save (requirements included).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A document a service asks for: mandatory, or optional (supporting evidence). No row means not required.</summary>
public sealed class ServiceRequirement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid DocumentTypeId { get; set; }
    public bool IsMandatory { get; set; }
}

/// <summary>How a service asks for a document type, as chosen on the service's checklist.</summary>
public enum RequirementLevel
{
    NotRequired = 0,
    Optional = 1,
    Mandatory = 2,
}
