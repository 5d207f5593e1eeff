using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Features.Services;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Satisfaction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Summaries;

/// <summary>
/// The maintained survey summary (ADR 0015) equals a direct grouping of the answers — in several months, services,
/// channels and branches, after a change or removal, through the portal, per association — and the results page
/// built from it shows the same figures as the answers give.
/// </summary>
[Collection(SharedApp.Requests)]
public sealed class SurveyTallyTests(AppFactory factory)
{
    private async Task AssertMatchesAnswersAsync(TestTenant tenant)
    {
        var expected = await factory.QueryAsync(tenant.Id, db => db.SurveyResponses
            .GroupBy(r => new { r.AnsweredMonth, r.ServiceId, r.Channel, r.BranchId })
            .Select(g => new { g.Key, Count = g.Count(), O = g.Sum(r => r.Overall), C = g.Sum(r => r.Courtesy), S = g.Sum(r => r.Speed), L = g.Sum(r => r.Clarity) })
            .ToListAsync());
        var actual = await factory.QueryAsync(tenant.Id, db => db.SurveyTallies.Where(t => t.Answers != 0).ToListAsync());
        Assert.Equal(
            expected.Select(e => (e.Key.AnsweredMonth, e.Key.ServiceId, e.Key.Channel, e.Key.BranchId ?? Guid.Empty, e.Count, e.O, e.C, e.S, e.L)).Order().ToList(),
            actual.Select(a => (a.Month, a.ServiceId, a.Channel, a.BranchId, a.Answers, a.OverallSum, a.CourtesySum, a.SpeedSum, a.ClaritySum)).Order().ToList());
    }

    private static SurveyResponse Answer(Guid service, ContactChannel channel, Guid? branch, DateOnly month, int overall, int courtesy, int speed, int clarity, string? comment = null) => new()
    {
        ServiceId = service, Channel = channel, BranchId = branch, AnsweredMonth = month,
        Overall = overall, Courtesy = courtesy, Speed = speed, Clarity = clarity, Comment = comment,
    };

    [Fact]
    public async Task Summary_equals_the_answers_grouped_after_answers_in_several_months_services_and_branches_a_change_and_a_removal()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var (ids, changed, removed) = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var food = new SupportService { Code = "FOOD", NameAr = "سلة غذائية", NameEn = "Food basket" };
            var rent = new SupportService { Code = "RENT", NameAr = "مساعدة إيجار", NameEn = "Rent aid" };
            var branch = new Branch { Code = "BR7", NameAr = "مكتب حي النخيل", NameEn = "Al-Nakheel office" };
            db.AddRange(food, rent, branch);
            var answers = new List<SurveyResponse>();
            for (var i = 0; i < 24; i++)
            {
                answers.Add(Answer(i % 3 == 0 ? rent.Id : food.Id, i % 2 == 0 ? ContactChannel.InPerson : ContactChannel.Phone,
                    i % 4 == 0 ? null : branch.Id, new DateOnly(2025, 9, 1).AddMonths(i % 5), 1 + i % 5, 1 + (i * 2) % 5, 1 + (i * 3) % 5, 5 - i % 5));
            }

            db.SurveyResponses.AddRange(answers);
            await db.SaveChangesAsync();
            return ((food.Id, rent.Id, branch.Id), answers[3].Id, answers[7].Id);
        });
        await AssertMatchesAnswersAsync(tenant);

        // Answers are never changed or removed by the app today; the summary follows if they ever are.
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var answer = await db.SurveyResponses.SingleAsync(r => r.Id == changed);
            (answer.Overall, answer.AnsweredMonth, answer.BranchId) = (5, new DateOnly(2026, 2, 1), null);
            db.SurveyResponses.Remove(await db.SurveyResponses.SingleAsync(r => r.Id == removed));
            await db.SaveChangesAsync();
        });
        // Another association's answers for the same services' ids and months stay in its own rows.
        await factory.InTenantAsync(other.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.SurveyResponses.Add(Answer(ids.Item1, ContactChannel.InPerson, null, new DateOnly(2025, 9, 1), 1, 1, 1, 1));
            await db.SaveChangesAsync();
        });

        await AssertMatchesAnswersAsync(tenant);
        await AssertMatchesAnswersAsync(other);
        var direct = await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Overall = g.Average(r => (double)r.Overall), Speed = g.Average(r => (double)r.Speed) }).SingleAsync());
        var results = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<SurveyQueries>().ResultsAsync(null, null, CancellationToken.None));
        Assert.Equal((direct.Count, direct.Overall, direct.Speed), (results.Total.Count, results.Total.Overall, results.Total.Speed));
        Assert.Equal(23, results.ByMonth.Sum(m => m.Averages.Count));
        Assert.Equal(6, results.ByMonth.Count);
        var noBranch = Assert.Single(results.ByBranch, b => b.Key is null);
        Assert.Equal(await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.CountAsync(r => r.BranchId == null)), noBranch.Averages.Count);
    }

    [Fact]
    public async Task Answer_through_the_portal_adds_one_to_the_summary_even_when_posted_twice_at_once()
    {
        var (tenant, request) = await SurveyTests.ClosedAsync(factory);
        var path = await SurveyTests.SurveyPathAsync(factory, tenant);
        using var first = factory.CreateStaffClient();
        using var second = factory.CreateStaffClient();
        var firstForm = (await first.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(SurveyTests.Form)!;
        var secondForm = (await second.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(SurveyTests.Form)!;

        await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(firstForm, path, SurveyTests.Ratings("5", "4", "3", "2"))),
            Task.Run(() => second.SubmitAsync(secondForm, path, SurveyTests.Ratings("1", "1", "1", "1"))));

        await AssertMatchesAnswersAsync(tenant);
        var tally = Assert.Single(await factory.QueryAsync(tenant.Id, db => db.SurveyTallies.ToListAsync()));
        Assert.Equal((1, request.ServiceId, new DateOnly(2026, 2, 1)), (tally.Answers, tally.ServiceId, tally.Month));
    }

    [Fact]
    public async Task Results_page_opens_on_the_current_hijri_year_and_shows_every_answer_when_the_dates_are_emptied()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var food = new SupportService { Code = "FOOD", NameAr = "سلة غذائية", NameEn = "Food basket" };
            db.Add(food);
            // The fake clock is 18 February 2026 (1447); 1 Muharram 1447 was 26 June 2025.
            db.SurveyResponses.AddRange(
                Answer(food.Id, ContactChannel.InPerson, null, new DateOnly(2025, 5, 1), 1, 1, 1, 1, "قبل السنة"),
                Answer(food.Id, ContactChannel.InPerson, null, new DateOnly(2026, 1, 1), 5, 5, 5, 5, "هذه السنة"));
            await db.SaveChangesAsync();
        });
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var opened = await manager.GetDocumentAsync("/Satisfaction");
        var everything = await manager.GetDocumentAsync("/Satisfaction?Filter.Calendar=Hijri&Filter.From=&Filter.To=");

        Assert.Equal("1", opened.QuerySelector("[data-testid=total-count]")!.TextContent);
        Assert.Equal("5.0", opened.QuerySelector("[data-testid=total-overall]")!.TextContent);
        Assert.Equal("01/01/1447", opened.QuerySelector<IHtmlInputElement>("[data-testid=filter-from]")!.Value);
        Assert.Single(opened.QuerySelectorAll("[data-testid=comment]"));
        Assert.Equal("2", everything.QuerySelector("[data-testid=total-count]")!.TextContent);
        Assert.Equal("3.0", everything.QuerySelector("[data-testid=total-overall]")!.TextContent);
        Assert.Equal(2, everything.QuerySelectorAll("[data-testid=comment]").Length);
        Assert.Equal(HttpStatusCode.OK, (await manager.Http.GetAsync("/Satisfaction")).StatusCode);
    }
}
