using Juthuruna.Data;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Services;
using Juthuruna.Features.Staff;
using Juthuruna.Features.Tenants;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Juthuruna.Seeding;

public sealed record DemoLogin(string Association, string Role, string Email, string Password);

/// <summary>
/// The demo world of a fresh checkout: the platform with its operator, جمعية جذورنا الثقافية from the
/// policy, and a second association of the same shape so tenant separation can be seen.
/// Never runs in Production (the web host decides).
/// </summary>
public sealed class DemoData(AppDbContext db, TenantScopeFactory scopes, TenantProvisioning provisioning, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Demo#2026";

    public static readonly IReadOnlyList<(string Role, string LocalPart, string NameAr)> StaffByRole =
    [
        (StaffRoles.RelationsOfficer, "officer", "نورة العتيبي"),
        (StaffRoles.SocialResearcher, "researcher", "خالد الزهراني"),
        (StaffRoles.CommitteeMember, "member", "فاطمة الغامدي"),
        (StaffRoles.CommitteeChair, "chair", "عبدالله الحربي"),
        (StaffRoles.CommitteeSecretary, "secretary", "سارة القحطاني"),
        (StaffRoles.Manager, "manager", "محمد الشهري"),
        (StaffRoles.TenantAdmin, "admin", "ريم المالكي"),
    ];

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("platform", StaffRoles.HostAdmin, "host@juthuruna.app", Password),
        .. StaffByRole.Select(s => new DemoLogin("juthuruna", s.Role, $"{s.LocalPart}@juthuruna.org.sa", Password)),
        .. StaffByRole.Select(s => new DemoLogin("albirr", s.Role, $"{s.LocalPart}@albirr.org.sa", Password)),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var juthuruna = new Tenant
        {
            Slug = "juthuruna",
            NameAr = "جمعية جذورنا الثقافية",
            NameEn = "Juthuruna Cultural Association",
            City = "جدة",
            Address = "جدة - حي الحمدانية",
            Phone = "0556766873",
            Email = "info@juthuruna.org.sa",
            LicenceNumber = "1234",
            Settings = new TenantSettings { NumberPrefix = "JTH" },
            CreatedAtUtc = now,
        };
        var albirr = new Tenant
        {
            Slug = "albirr",
            NameAr = "جمعية البر التجريبية",
            NameEn = "Al-Birr Demo Association",
            City = "الرياض",
            Address = "الرياض - حي الملز",
            Phone = "0112345678",
            Email = "info@albirr.org.sa",
            LicenceNumber = "5678",
            Settings = new TenantSettings { NumberPrefix = "BIR", DecisionWindowMode = DecisionWindowMode.WorkingDays },
            CreatedAtUtc = now,
        };
        var (platform, _) = await provisioning.CreatePlatformAsync(
            new NewPlatform("platform", "منصة جذورنا", "Juthuruna platform", "مشغل المنصة", "host@juthuruna.app", Password), ct);
        EnsureSucceeded(platform);

        db.Tenants.AddRange(juthuruna, albirr);
        await db.SaveChangesAsync(ct);

        await SeedAssociationAsync(juthuruna, "juthuruna.org.sa", ("BR1", "مكتب حي الصفا", "Al-Safa branch office"), ct);
        await SeedAssociationAsync(albirr, "albirr.org.sa", ("BR1", "مكتب حي النسيم", "Al-Naseem branch office"), ct);
        logger.LogInformation("Seeded the demo: {Tenants} associations and {Users} staff accounts", 2, Logins.Count);
        return true;
    }

    private async Task SeedAssociationAsync(Tenant tenant, string domain, (string Code, string NameAr, string NameEn) branch, CancellationToken ct)
    {
        var admin = StaffByRole.Single(s => s.Role == StaffRoles.TenantAdmin);
        var (result, _) = await provisioning.SetUpAssociationAsync(tenant, admin.NameAr, $"{admin.LocalPart}@{domain}", Password, ct);
        EnsureSucceeded(result);

        await using var scope = scopes.BeginScope(tenant.Id);
        var sp = scope.ServiceProvider;
        var tenantDb = sp.GetRequiredService<AppDbContext>();
        tenantDb.Branches.Add(new Branch { Code = branch.Code, NameAr = branch.NameAr, NameEn = branch.NameEn, City = tenant.City });
        await tenantDb.SaveChangesAsync(ct);

        var accounts = sp.GetRequiredService<StaffAccounts>();
        foreach (var (role, localPart, nameAr) in StaffByRole.Where(s => s.Role != StaffRoles.TenantAdmin))
        {
            (result, _) = await accounts.CreateAsync(new NewStaffUser(nameAr, $"{localPart}@{domain}", Password, [role], null), ct);
            EnsureSucceeded(result);
        }

        await SeedCatalogueAsync(sp, ct);
    }

    /// <summary>The documents associations usually ask for, and a few services of a cultural association with their checklists.</summary>
    private static async Task SeedCatalogueAsync(IServiceProvider sp, CancellationToken ct)
    {
        var documentTypes = sp.GetRequiredService<DocumentTypes>();
        var ids = new Dictionary<string, Guid>();
        foreach (var (code, nameAr, nameEn, hasExpiry, maxAge) in DemoDocumentTypes)
        {
            var saved = await documentTypes.CreateAsync(
                new DocumentTypeForm { Code = code, NameAr = nameAr, NameEn = nameEn, HasExpiryDate = hasExpiry, MaxAgeDays = maxAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
            ids[code] = saved.Id ?? throw new InvalidOperationException($"Demo seeding failed: document type {code}: " + string.Join("; ", saved.Errors.Select(e => e.Message)));
        }

        var services = sp.GetRequiredService<SupportServices>();
        foreach (var (code, nameAr, nameEn, description, amount, mandatory, optional) in DemoServices)
        {
            var saved = await services.CreateAsync(new SupportServiceForm
            {
                Code = code,
                NameAr = nameAr,
                NameEn = nameEn,
                Description = description,
                DefaultAmount = amount,
                Requirements =
                [
                    .. mandatory.Select(m => new RequirementChoice { DocumentTypeId = ids[m], Level = RequirementLevel.Mandatory }),
                    .. optional.Select(o => new RequirementChoice { DocumentTypeId = ids[o], Level = RequirementLevel.Optional }),
                ],
            }, ct);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo seeding failed: service {code}: " + string.Join("; ", saved.Errors.Select(e => e.Message)));
            }
        }
    }

    private static readonly (string Code, string NameAr, string NameEn, bool HasExpiry, int? MaxAgeDays)[] DemoDocumentTypes =
    [
        ("NATIONAL-ID", "الهوية الوطنية / الإقامة", "National ID / iqama", true, null),
        ("FAMILY-RECORD", "صك الإعالة / سجل الأسرة", "Dependency deed / family record", false, null),
        ("SALARY-CERT", "تعريف بالراتب", "Salary certificate", false, 90),
        ("LEASE", "عقد الإيجار", "Lease contract", true, null),
        ("MEDICAL-REPORT", "تقرير طبي", "Medical report", false, 180),
        ("SOCIAL-SECURITY", "شهادة الضمان الاجتماعي", "Social security certificate", false, 90),
    ];

    private static readonly (string Code, string NameAr, string NameEn, string Description, string? Amount, string[] Mandatory, string[] Optional)[] DemoServices =
    [
        ("FOOD-BASKET", "سلة غذائية", "Food basket", "سلة غذائية شهرية للأسر المستحقة.", "350",
            ["NATIONAL-ID", "FAMILY-RECORD"], ["SALARY-CERT", "SOCIAL-SECURITY"]),
        ("RENT-AID", "مساعدة إيجار", "Rent assistance", "مساعدة في سداد الإيجار تُصرف للمؤجر مباشرة.", "5000",
            ["NATIONAL-ID", "FAMILY-RECORD", "LEASE", "SALARY-CERT"], ["SOCIAL-SECURITY"]),
        ("TALENT-CARE", "رعاية الموهوبين", "Talent sponsorship", "رعاية الموهوبين من أبناء الأسر المستفيدة في الفنون والآداب والتراث.", null,
            ["NATIONAL-ID", "FAMILY-RECORD"], ["MEDICAL-REPORT"]),
        ("CULTURAL-COURSE", "دعم دورة ثقافية", "Cultural course sponsorship", "رسوم دورة ثقافية أو تراثية معتمدة (الخط العربي، الحرف اليدوية، الشعر).", "1200",
            ["NATIONAL-ID", "SALARY-CERT"], ["SOCIAL-SECURITY"]),
    ];

    private static void EnsureSucceeded(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }
}
