using Juthuruna.Tenancy;

namespace Juthuruna.Features.Branches;

/// <summary>An office of the association: the head office or a branch office (المكاتب الفرعية).</summary>
public sealed class Branch : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Code { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public bool IsHeadOffice { get; set; }
    public bool IsActive { get; set; } = true;
}
