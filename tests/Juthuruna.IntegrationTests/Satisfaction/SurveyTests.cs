using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Satisfaction;

/// <summary>قياس الرضا from the beneficiary's side: the message when the request closes, and the one-use survey page.</summary>
[Collection(SharedApp.Requests)]
public sealed partial class SurveyTests(AppFactory factory)
{
    internal const string Form = "form[data-testid=survey-form]";

    internal static Dictionary<string, string> Ratings(string overall = "5", string courtesy = "4", string speed = "3", string clarity = "4", string? comment = null, bool anonymous = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Answer.Overall"] = overall,
            ["Answer.Courtesy"] = courtesy,
            ["Answer.Speed"] = speed,
            ["Answer.Clarity"] = clarity,
            ["Answer.Anonymous"] = anonymous ? "true" : "false",
        };
        if (comment is not null)
        {
            fields["Answer.Comment"] = comment;
        }

        return fields;
    }

    /// <summary>A registered request whose whole approved amount the officer delivers through the page: it closes.</summary>
    internal static async Task<(TestTenant Tenant, TestRequests.Arranged Request)> ClosedAsync(AppFactory factory, TestTenant? tenant = null, bool optOut = false)
    {
        tenant ??= await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        if (optOut)
        {
            await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == registered.BeneficiaryId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.NonEssentialMessagesOptOut, true)));
        }

        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var response = await officer.SubmitFormAsync($"/Requests/{registered.RequestId}/Delivery", "form[data-testid=delivery-form]", new Dictionary<string, string>
        {
            ["Delivery.Amount"] = "3000",
            ["Delivery.Calendar"] = "Gregorian",
            ["Delivery.DeliveredOn"] = "2026-02-18",
            ["Delivery.ReceiptKind"] = nameof(ReceiptKind.Note),
            ["Delivery.ReceiptNote"] = "حوالة بنكية",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (tenant, registered);
    }

    /// <summary>The survey link the SMS carries, as a path the test client can open.</summary>
    internal static async Task<string> SurveyPathAsync(AppFactory factory, TestTenant tenant)
    {
        var body = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.Survey && m.Channel == MessageChannel.Sms).Select(m => m.Body).SingleAsync());
        return new Uri(LinkPattern().Match(body).Value).AbsolutePath;
    }

    [GeneratedRegex(@"https?://\S+/survey/[A-Za-z0-9_-]{22}")]
    internal static partial Regex LinkPattern();

    [Fact]
    public async Task Close_request_queues_one_survey_sms_whose_link_opens_the_form()
    {
        var (tenant, request) = await ClosedAsync(factory);

        var messages = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.Where(m => m.Kind == MessageKind.Survey).Select(m => new { m.Channel, m.Recipient, m.Body }).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal(MessageChannel.Sms, message.Channel);
        Assert.Equal("+966551234567", message.Recipient);
        var link = LinkPattern().Match(message.Body).Value;
        Assert.StartsWith($"http://localhost:5080/t/{tenant.Slug}/survey/", link, StringComparison.Ordinal);
        var invitation = await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.SingleAsync());
        Assert.Equal(request.RequestId, invitation.RequestId);
        Assert.DoesNotContain(invitation.TokenHash, link, StringComparison.Ordinal);
        Assert.Equal(invitation.CreatedAtUtc.AddDays(30), invitation.ExpiresAtUtc);

        using var visitor = factory.CreateStaffClient();
        var page = await visitor.GetDocumentAsync(new Uri(link).AbsolutePath);
        Assert.NotNull(page.QuerySelector(Form));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("راضٍ جدًا", page.QuerySelector("[data-testid=survey-overall]")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector<IHtmlInputElement>("[data-testid=survey-anonymous]")!.IsChecked);
    }

    [Fact]
    public async Task Answer_named_stores_the_ratings_with_the_request_and_a_second_use_is_refused()
    {
        var (tenant, request) = await ClosedAsync(factory);
        var path = await SurveyPathAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        var form = (await visitor.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(Form)!;

        var answered = await visitor.SubmitAsync(form, path, Ratings("5", "4", "2", "3", comment: "  شكرًا لحسن التعامل  ", anonymous: false));
        var again = await visitor.SubmitAsync(form, path, Ratings("1", "1", "1", "1"));
        var reopened = await visitor.GetDocumentAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull((await StaffClient.ParseAsync(again)).QuerySelector("[data-testid=survey-answered]"));
        Assert.NotNull(reopened.QuerySelector("[data-testid=survey-answered]"));
        Assert.Null(reopened.QuerySelector(Form));
        var response = Assert.Single(await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.ToListAsync()));
        Assert.Equal((5, 4, 2, 3), (response.Overall, response.Courtesy, response.Speed, response.Clarity));
        Assert.Equal("شكرًا لحسن التعامل", response.Comment);
        Assert.Equal(request.RequestId, response.RequestId);
        Assert.Equal(request.BeneficiaryId, response.BeneficiaryId);
        Assert.Equal(request.ServiceId, response.ServiceId);
        Assert.Equal(new DateOnly(2026, 2, 1), response.AnsweredMonth);
        Assert.NotNull(await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.Select(i => i.AnsweredAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Answer_anonymous_stores_no_beneficiary_and_no_request()
    {
        var (tenant, request) = await ClosedAsync(factory);
        var path = await SurveyPathAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();

        var answered = await visitor.SubmitFormAsync(path, Form, Ratings(comment: "الانتظار طويل"));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var row = Assert.Single(await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.Select(r => new { r.BeneficiaryId, r.RequestId, r.ServiceId, r.Comment }).ToListAsync()));
        Assert.Null(row.BeneficiaryId);
        Assert.Null(row.RequestId);
        Assert.Equal(request.ServiceId, row.ServiceId);
        Assert.Equal("الانتظار طويل", row.Comment);
    }

    [Fact]
    public async Task Answer_posted_twice_at_once_records_one_response()
    {
        var (tenant, _) = await ClosedAsync(factory);
        var path = await SurveyPathAsync(factory, tenant);
        using var first = factory.CreateStaffClient();
        using var second = factory.CreateStaffClient();
        var firstForm = (await first.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(Form)!;
        var secondForm = (await second.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(Form)!;

        var responses = await Task.WhenAll(
            Task.Run(() => first.SubmitAsync(firstForm, path, Ratings("5"))),
            Task.Run(() => second.SubmitAsync(secondForm, path, Ratings("1"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.CountAsync()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("")]
    public async Task Answer_with_an_invalid_rating_shows_the_error_beside_it_and_keeps_the_other_answers(string overall)
    {
        var (tenant, _) = await ClosedAsync(factory);
        var path = await SurveyPathAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();

        var response = await visitor.SubmitFormAsync(path, Form, Ratings(overall, "4", "2", "5", comment: "تعليق"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("من ١ إلى ٥", page.QuerySelector("[data-testid=error-overall]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("[data-testid=error-courtesy]")!.TextContent);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Answer_Courtesy_4")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Answer_Speed_2")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#Answer_Clarity_5")!.IsChecked);
        Assert.Equal("تعليق", page.QuerySelector<IHtmlTextAreaElement>("[data-testid=survey-comment]")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.CountAsync()));
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.Select(i => i.AnsweredAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Close_request_of_a_beneficiary_who_opted_out_sends_no_survey()
    {
        var (tenant, _) = await ClosedAsync(factory, optOut: true);

        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Survey)));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.CountAsync()));
    }

    [Fact]
    public async Task Close_early_by_the_manager_sends_no_survey_because_nothing_was_delivered()
    {
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var closed = await manager.SubmitFormAsync($"/Requests/Details/{registered.RequestId}", "form[action*='handler=Transition']",
            new Dictionary<string, string> { ["Action.Note"] = "انتقلت الأسرة خارج منطقة خدمة الجمعية" }, "Action.Trigger", "Close");

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(Juthuruna.Features.SupportRequests.RequestState.Closed,
            await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == registered.RequestId).Select(r => r.State).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Survey)));
    }

    [Fact]
    public async Task Survey_link_unknown_or_of_another_association_is_not_found_and_records_nothing()
    {
        var (tenant, _) = await ClosedAsync(factory);
        var other = await factory.CreateTenantAsync();
        var path = await SurveyPathAsync(factory, tenant);
        var token = path.Split('/')[^1];
        var intruderPath = $"/t/{other.Slug}/survey/{token}";
        using var visitor = factory.CreateStaffClient();
        var form = (await visitor.GetDocumentAsync(path)).QuerySelector<IHtmlFormElement>(Form)!;

        var unknown = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/survey/AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound);
        var foreignGet = await visitor.GetDocumentAsync(intruderPath, HttpStatusCode.NotFound);
        var foreignPost = await visitor.SubmitAsync(form, intruderPath, Ratings());

        Assert.NotNull(unknown.QuerySelector("[data-testid=survey-not-found]"));
        Assert.NotNull(foreignGet.QuerySelector("[data-testid=survey-not-found]"));
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.SurveyResponses.CountAsync()));
        Assert.Null(await factory.QueryAsync(tenant.Id, db => db.SurveyInvitations.Select(i => i.AnsweredAtUtc).SingleAsync()));
    }
}
