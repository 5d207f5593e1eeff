namespace Juthuruna.Tenancy;

/// <summary>An association (جمعية) using the platform. Platform-level: not itself tenant-owned.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>URL-safe identifier used by public pages: <c>/t/{slug}/…</c>.</summary>
    public required string Slug { get; set; }

    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
    public string? LicenceNumber { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Logo image bytes (PNG/JPEG), small; shown on the letterhead.</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    /// <summary>The operator's own tenant that holds host administrators; never an association.</summary>
    public bool IsPlatform { get; set; }

    /// <summary>A suspended association's staff cannot sign in and are signed out on their next request.</summary>
    public bool IsSuspended { get; set; }

    public TenantSettings Settings { get; set; } = new();

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>How the committee's decision window is counted (policy: "خلال مدة لا تقل عن أسبوعين").</summary>
public enum DecisionWindowMode
{
    CalendarDays = 0,
    WorkingDays = 1,
}

/// <summary>Per-association settings, stored with the tenant row.</summary>
public sealed class TenantSettings
{
    public const int DefaultDecisionWindowDays = 14;

    public int DecisionWindowDays { get; set; } = DefaultDecisionWindowDays;
    public DecisionWindowMode DecisionWindowMode { get; set; } = DecisionWindowMode.CalendarDays;

    /// <summary>Prefix of request and letter numbers, e.g. <c>JTH</c> → <c>JTH-1447-000123</c>.</summary>
    public string NumberPrefix { get; set; } = "REQ";

    /// <summary>Members needed for the committee to decide; null means a majority of the active members.</summary>
    public int? CommitteeQuorum { get; set; }

    /// <summary>Who signs the association's letters, and as what (e.g. "المدير التنفيذي"; empty: "Executive Director" in the letter's language).</summary>
    public string LetterSignatoryName { get; set; } = "";

    public string LetterSignatoryTitle { get; set; } = "";

    public const int DefaultComplaintResponseDays = 7;

    /// <summary>Calendar days from receiving a suggestion or complaint to its response due date.</summary>
    public int ComplaintResponseDays { get; set; } = DefaultComplaintResponseDays;
}
