using System.Net;
using AngleSharp.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Satisfaction;

/// <summary>The manager's results: averages per service, channel, branch and month, and nobody else's association.</summary>
[Collection(SharedApp.Requests)]
public sealed class SatisfactionResultsTests(AppFactory factory)
{
    private sealed record Seeded(Guid Food, Guid Rent, Guid Branch);

    /// <summary>
    /// Five answers: food (in person, branch, January) 5/4/3/2 and 3/4/5/4; rent (phone, no branch, February) 1/2/3/4,
    /// 2/2/2/2 and 4/4/4/4 (one named, with a comment).
    /// </summary>
    private Task<Seeded> SeedAsync(TestTenant tenant) => factory.InTenantAsync(tenant.Id, async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var food = new SupportService { Code = "FOOD", NameAr = "سلة غذائية", NameEn = "Food basket" };
        var rent = new SupportService { Code = "RENT", NameAr = "مساعدة إيجار", NameEn = "Rent aid" };
        var branch = new Branch { Code = "BR9", NameAr = "مكتب حي الروضة", NameEn = "Al-Rawdah office" };
        db.AddRange(food, rent, branch);
        SurveyResponse Answer(SupportService service, ContactChannel channel, Guid? branchId, int month, int o, int c, int s, int cl, string? comment = null, bool named = false) => new()
        {
            ServiceId = service.Id, Channel = channel, BranchId = branchId, AnsweredMonth = new DateOnly(2026, month, 1),
            Overall = o, Courtesy = c, Speed = s, Clarity = cl, Comment = comment,
            BeneficiaryId = named ? Guid.NewGuid() : null,
        };
        db.SurveyResponses.AddRange(
            Answer(food, ContactChannel.InPerson, branch.Id, 1, 5, 4, 3, 2),
            Answer(food, ContactChannel.InPerson, branch.Id, 1, 3, 4, 5, 4, "التعامل راقٍ"),
            Answer(rent, ContactChannel.Phone, null, 2, 1, 2, 3, 4),
            Answer(rent, ContactChannel.Phone, null, 2, 2, 2, 2, 2),
            Answer(rent, ContactChannel.Phone, null, 2, 4, 4, 4, 4, "الانتظار طويل", named: true));
        await db.SaveChangesAsync();
        return new Seeded(food.Id, rent.Id, branch.Id);
    });

    private static IElement Row(IParentNode page, string table, string label) =>
        page.QuerySelectorAll($"[data-testid={table}] tr[data-testid=row]").Single(r => r.GetAttribute("data-label") == label);

    private static (string Count, string Overall, string Courtesy, string Speed, string Clarity) Values(IElement row) => (
        row.QuerySelector("[data-testid=count]")!.TextContent, row.QuerySelector("[data-testid=overall]")!.TextContent,
        row.QuerySelector("[data-testid=courtesy]")!.TextContent, row.QuerySelector("[data-testid=speed]")!.TextContent,
        row.QuerySelector("[data-testid=clarity]")!.TextContent);

    [Fact]
    public async Task Results_for_the_manager_average_each_rating_per_service_channel_branch_and_month()
    {
        var tenant = await factory.CreateTenantAsync();
        await SeedAsync(tenant);
        var other = await factory.CreateTenantAsync();
        await SeedAsync(other);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync("/Satisfaction");

        Assert.Equal("5", page.QuerySelector("[data-testid=total-count]")!.TextContent);
        Assert.Equal("3.0", page.QuerySelector("[data-testid=total-overall]")!.TextContent);
        Assert.Equal(("2", "4.0", "4.0", "4.0", "3.0"), Values(Row(page, "by-service", "سلة غذائية")));
        Assert.Equal(("3", "2.3", "2.7", "3.0", "3.3"), Values(Row(page, "by-service", "مساعدة إيجار")));
        Assert.Equal(("2", "4.0", "4.0", "4.0", "3.0"), Values(Row(page, "by-channel", "المقابلة")));
        Assert.Equal(("3", "2.3", "2.7", "3.0", "3.3"), Values(Row(page, "by-channel", "الاتصالات الهاتفية")));
        Assert.Equal(("2", "4.0", "4.0", "4.0", "3.0"), Values(Row(page, "by-branch", "مكتب حي الروضة")));
        Assert.Equal(("2", "4.0", "4.0", "4.0", "3.0"), Values(Row(page, "by-month", "يناير 2026 م (رجب – شعبان 1447 هـ)")));
        Assert.Equal(("3", "2.3", "2.7", "3.0", "3.3"), Values(Row(page, "by-month", "فبراير 2026 م (شعبان – رمضان 1447 هـ)")));
        var comments = page.QuerySelectorAll("[data-testid=comment]");
        Assert.Equal(2, comments.Length);
        Assert.Contains("الانتظار طويل", comments[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=no-ranking]"));
    }

    [Fact]
    public async Task Results_filtered_by_dates_count_only_the_months_in_range()
    {
        var tenant = await factory.CreateTenantAsync();
        await SeedAsync(tenant);
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var page = await admin.GetDocumentAsync("/Satisfaction?Filter.Calendar=Gregorian&Filter.From=01/02/2026&Filter.To=28/02/2026");

        Assert.Equal("3", page.QuerySelector("[data-testid=total-count]")!.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=by-month] tr[data-testid=row]"));
    }

    [Theory]
    [InlineData(StaffRoles.RelationsOfficer)]
    [InlineData(StaffRoles.SocialResearcher)]
    [InlineData(StaffRoles.CommitteeChair)]
    public async Task Results_for_other_roles_are_forbidden(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        await Forbidden.AssertAsync(await user.Http.GetAsync("/Satisfaction"));
    }

    [Fact]
    public async Task Results_with_no_answers_say_so()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        await SeedAsync(other);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var page = await manager.GetDocumentAsync("/Satisfaction");

        Assert.NotNull(page.QuerySelector("[data-testid=satisfaction-empty]"));
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.GetAsync("/Satisfaction")).StatusCode);
    }
}
