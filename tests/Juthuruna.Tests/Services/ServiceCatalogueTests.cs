using Juthuruna.Features.Services;
using Juthuruna.Tests.Data;

namespace Juthuruna.Tests.Services;

/// <summary>The query the intake relies on: which documents a service asks for, in which order, for which tenant.</summary>
public sealed class ServiceCatalogueTests
{
    private static async Task<(Guid ServiceId, Dictionary<string, Guid> Types)> SeedAsync(TestDatabase database, Guid tenantId)
    {
        await using var db = database.Context(tenantId);
        var types = new[]
        {
            new DocumentType { Code = "NATIONAL-ID", NameAr = "الهوية الوطنية", HasExpiryDate = true },
            new DocumentType { Code = "SALARY-CERT", NameAr = "تعريف بالراتب", NameEn = "Salary certificate", MaxAgeDays = 90 },
            new DocumentType { Code = "LEASE", NameAr = "عقد الإيجار", HasExpiryDate = true },
            new DocumentType { Code = "OLD-FORM", NameAr = "نموذج قديم", IsActive = false },
            new DocumentType { Code = "MEDICAL", NameAr = "تقرير طبي", MaxAgeDays = 180 },
        };
        db.DocumentTypes.AddRange(types);
        var ids = types.ToDictionary(t => t.Code, t => t.Id);
        var service = new SupportService
        {
            Code = "RENT-AID",
            NameAr = "مساعدة إيجار",
            Requirements =
            [
                new ServiceRequirement { DocumentTypeId = ids["SALARY-CERT"], IsMandatory = false },
                new ServiceRequirement { DocumentTypeId = ids["NATIONAL-ID"], IsMandatory = true },
                new ServiceRequirement { DocumentTypeId = ids["OLD-FORM"], IsMandatory = true },
                new ServiceRequirement { DocumentTypeId = ids["LEASE"], IsMandatory = true },
            ],
        };
        db.SupportServices.Add(service);
        db.SupportServices.Add(new SupportService { Code = "CLOSED", NameAr = "خدمة متوقفة", IsActive = false });
        await db.SaveChangesAsync();
        return (service.Id, ids);
    }

    [Fact]
    public async Task RequirementsFor_lists_mandatory_first_with_their_rules_and_skips_inactive_types_and_unrequired_ones()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenant = await database.AddTenantAsync("a");
        var (serviceId, ids) = await SeedAsync(database, tenant);
        await using var db = database.Context(tenant);

        var required = await new ServiceCatalogue(db).RequirementsForAsync(serviceId, CancellationToken.None);

        Assert.Equal(
            [
                new RequiredDocument(ids["LEASE"], "LEASE", "عقد الإيجار", null, true, true, null),
                new RequiredDocument(ids["NATIONAL-ID"], "NATIONAL-ID", "الهوية الوطنية", null, true, true, null),
                new RequiredDocument(ids["SALARY-CERT"], "SALARY-CERT", "تعريف بالراتب", "Salary certificate", false, false, 90),
            ],
            required);
    }

    [Fact]
    public async Task RequirementsFor_another_tenants_service_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        var (serviceOfA, _) = await SeedAsync(database, a);
        await SeedAsync(database, b);
        await using var asB = database.Context(b);

        await Assert.ThrowsAsync<EntityNotFoundException>(() => new ServiceCatalogue(asB).RequirementsForAsync(serviceOfA, CancellationToken.None));
    }

    [Fact]
    public async Task ActiveServices_lists_only_the_tenants_active_services()
    {
        await using var database = await TestDatabase.CreateAsync();
        var a = await database.AddTenantAsync("a");
        var b = await database.AddTenantAsync("b");
        var (serviceOfA, _) = await SeedAsync(database, a);
        await SeedAsync(database, b);
        await using var asA = database.Context(a);

        var active = await new ServiceCatalogue(asA).ActiveServicesAsync(CancellationToken.None);

        Assert.Equal([serviceOfA], active.Select(s => s.Id));
    }

    [Theory]
    [InlineData("", true, null)]
    [InlineData("90", true, 90)]
    [InlineData("٩٠", true, 90)]
    [InlineData(" 180 ", true, 180)]
    [InlineData("0", false, null)]
    [InlineData("-1", false, null)]
    [InlineData("3651", false, null)]
    [InlineData("9.5", false, null)]
    public void MaxAge_parses_whole_days_within_ten_years(string text, bool valid, int? days)
    {
        Assert.Equal(valid, CatalogueText.TryParseMaxAge(text, out var parsed));
        Assert.Equal(days, parsed);
    }

    [Theory]
    [InlineData("nat-id", true)]
    [InlineData("SALARY_CERT", true)]
    [InlineData("A", false)]
    [InlineData("-ID", false)]
    [InlineData("هوية", false)]
    [InlineData("NATIONAL ID", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", false)]
    public void Code_is_two_to_twenty_ascii_letters_digits_dashes(string code, bool valid) =>
        Assert.Equal(valid, CatalogueText.IsValidCode(code));
}
