using Juthuruna.Features.Beneficiaries;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Beneficiaries;

/// <summary>
/// Issue 13: a name search reads the token index in the page's order — the typed word itself first (newest file
/// first), then longer names starting with it — and pages by keyset (next / previous), so a common name costs what a
/// rare one does.
/// </summary>
[Collection(SharedApp.Files)]
public sealed class SearchOrderTests(AppFactory factory)
{
    private static int _next = 7000;

    private Task<string> CreateAsync(Guid tenantId, string firstName, string fatherName = "محمد") =>
        factory.InTenantAsync(tenantId, async sp =>
        {
            var form = BeneficiaryForm.Blank();
            form.IdentityNumber = TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));
            form.FirstName = firstName;
            form.FatherName = fatherName;
            form.GrandfatherName = "علي";
            form.FamilyName = "الغامدي";
            form.Gender = Gender.Male;
            form.BirthDate = "1985-03-10";
            form.MaritalStatus = MaritalStatus.Married;
            form.Mobile = "0551234567";
            form.EmploymentStatus = EmploymentStatus.Unemployed;
            form.HousingType = HousingType.Rented;
            var result = await sp.GetRequiredService<BeneficiaryFiles>().CreateAsync(form, confirmSimilar: true, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.FileNumber!;
        });

    private async Task<(TestTenant Tenant, StaffClient Officer)> OfficerAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    private static async Task<(List<string> Files, string? Next, string? Previous)> PageAsync(StaffClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        return (page.QuerySelectorAll("[data-testid=results] [data-file]").Select(r => r.GetAttribute("data-file")!).ToList(),
            page.QuerySelector("[data-testid=next-page]")?.GetAttribute("href"),
            page.QuerySelector("[data-testid=previous-page]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_by_name_lists_the_exact_word_first_newest_file_first_then_longer_names_each_file_once()
    {
        var (tenant, officer) = await OfficerAsync();
        var saadoun = await CreateAsync(tenant.Id, "سعدون");
        var saadSonOfSaadi = await CreateAsync(tenant.Id, "سعد", "سعدي");   // two tokens start with "سعد": listed once
        var saad = await CreateAsync(tenant.Id, "سعد");
        var khalidSonOfSaadi = await CreateAsync(tenant.Id, "خالد", "سعدي");
        await CreateAsync(tenant.Id, "خالد");

        var (files, next, previous) = await PageAsync(officer, "/Beneficiaries?q=" + Uri.EscapeDataString("سعد"));

        // "سعد" itself (newest first), then "سعدون" and "سعدي" in alphabetical order.
        Assert.Equal([saad, saadSonOfSaadi, saadoun, khalidSonOfSaadi], files);
        Assert.Null(next);
        Assert.Null(previous);

        // Two words: both must start a name token, whichever drives the walk.
        Assert.Equal([khalidSonOfSaadi], (await PageAsync(officer, "/Beneficiaries?q=" + Uri.EscapeDataString("سعدي خالد"))).Files);
        // "سعدي" is the rarer word and drives (newest first); "سعد" starts "سعدي" too, so both files with it match.
        Assert.Equal([khalidSonOfSaadi, saadSonOfSaadi], (await PageAsync(officer, "/Beneficiaries?q=" + Uri.EscapeDataString("سعد سعدي"))).Files);
    }

    [Fact]
    public async Task Search_pages_forward_and_back_by_keyset_without_repeating_or_skipping_a_file()
    {
        var (tenant, officer) = await OfficerAsync();
        var nawaf = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            nawaf.Add(await CreateAsync(tenant.Id, "نواف"));
        }

        var nawafil = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            nawafil.Add(await CreateAsync(tenant.Id, "نوافل"));
        }

        var expected = Enumerable.Reverse(nawaf).Concat(Enumerable.Reverse(nawafil)).ToList();

        var first = await PageAsync(officer, "/Beneficiaries?q=" + Uri.EscapeDataString("نواف"));
        Assert.Equal(expected.Take(BeneficiaryQueries.PageSize), first.Files);
        Assert.Null(first.Previous);
        Assert.NotNull(first.Next);

        var second = await PageAsync(officer, "/Beneficiaries" + first.Next);
        Assert.Equal(expected.Skip(BeneficiaryQueries.PageSize), second.Files);
        Assert.Null(second.Next);
        Assert.NotNull(second.Previous);

        var back = await PageAsync(officer, "/Beneficiaries" + second.Previous);
        Assert.Equal(first.Files, back.Files);
        Assert.Null(back.Previous);
        Assert.NotNull(back.Next);

        // The whole list (nothing typed) pages the same way, newest file first.
        var all = await PageAsync(officer, "/Beneficiaries");
        Assert.Equal(30, all.Files.Count + (await PageAsync(officer, "/Beneficiaries" + all.Next)).Files.Count);
        Assert.Equal(nawafil.Last(), all.Files[0]);
        Assert.Equal(all.Files, (await PageAsync(officer, "/Beneficiaries" + (await PageAsync(officer, "/Beneficiaries" + all.Next)).Previous)).Files);
    }
}
