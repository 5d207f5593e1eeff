using Juthuruna.Tenancy;

namespace Juthuruna.Features.Services;

/// <summary>
/// A kind of document the association asks applicants for (national ID, salary certificate, lease…), with
/// the validity rules the front desk checks on the submission date.
/// </summary>
public sealed class DocumentType : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>Upper-case ASCII, unique within the association, e.g. <c>NATIONAL-ID</c>.</summary>
    public required string Code { get; set; }

    public required string NameAr { get; set; }
    public string? NameEn { get; set; }

    /// <summary>The document carries an expiry date (ID, iqama, lease): it must not expire before the submission date.</summary>
    public bool HasExpiryDate { get; set; }

    /// <summary>The document must have been issued at most this many days before the submission date (salary certificate: 90).</summary>
    public int? MaxAgeDays { get; set; }

    /// <summary>Inactive types are no longer asked for; they are kept because requests may refer to them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>App-managed optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
