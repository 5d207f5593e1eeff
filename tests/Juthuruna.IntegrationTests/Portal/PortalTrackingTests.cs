using AngleSharp.Dom;
using System.Net;
using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;
using Juthuruna.Features.Portal;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>A beneficiary follows their request with its number, their identity number and a code sent to their registered mobile.</summary>
public sealed class PortalTrackingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Track_with_arabic_digits_and_the_sms_code_shows_the_request_in_the_beneficiarys_words()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();

        var sent = await PortalArrange.LookUpAsync(visitor, tenant.Slug, ToArabicIndic(request.Number), ToArabicIndic(request.IdentityNumber));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var codePage = await visitor.GetDocumentAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("••" + request.Mobile[^2..], codePage.QuerySelector("[data-testid=code-sent]")!.TextContent);
        Assert.DoesNotContain(request.Mobile[^4..], codePage.QuerySelector("[data-testid=code-sent]")!.TextContent);

        await factory.Services.GetRequiredService<Juthuruna.Web.Infrastructure.MessageDispatcher>().RunOnceAsync(CancellationToken.None);
        var sms = factory.Services.GetRequiredService<LocalOutboxSink>().Latest().First(m => m.Recipient == request.Mobile);
        var code = System.Text.RegularExpressions.Regex.Match(sms.Body, @"\d{6}").Value;

        var signedIn = await PortalArrange.EnterCodeAsync(visitor, sent.Headers.Location!.OriginalString, code);
        Assert.Equal($"/t/{tenant.Slug}/track/request", signedIn.Headers.Location?.OriginalString);
        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");

        Assert.Equal(request.Number, page.QuerySelector("[data-testid=request-number]")!.TextContent.Trim());
        Assert.Equal("بانتظار مستندات منك", page.QuerySelector("[data-testid=request-status]")!.TextContent.Trim());
        Assert.Contains("عقد الإيجار", page.QuerySelector("[data-testid=missing-documents]")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=timeline] li").Length);
        Assert.DoesNotContain("ملاحظة داخلية", page.Body!.TextContent);
    }

    [Fact]
    public async Task Track_code_stored_only_as_a_salted_hash_and_sent_to_the_registered_mobile()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();

        await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        var code = await PortalArrange.LatestCodeAsync(factory, tenant);

        var stored = await factory.QueryAsync(tenant.Id, db => db.PortalChallenges.AsNoTracking().SingleAsync(c => c.RequestId == request.RequestId));
        var sms = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.AsNoTracking().Where(m => m.Kind == MessageKind.Otp).ToListAsync());
        Assert.DoesNotContain(code, stored.CodeHash);
        Assert.Equal(64, stored.CodeHash.Length);
        Assert.Equal(stored.CreatedAtUtc.AddMinutes(5), stored.ExpiresAtUtc);
        var message = Assert.Single(sms);
        Assert.Equal(request.Mobile, message.Recipient);
    }

    [Fact]
    public async Task Track_code_once_sent_is_kept_in_the_outbox_only_masked()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        var code = await PortalArrange.LatestCodeAsync(factory, tenant);

        await factory.Services.GetRequiredService<Juthuruna.Web.Infrastructure.MessageDispatcher>().RunOnceAsync(CancellationToken.None);

        var sent = factory.Services.GetRequiredService<LocalOutboxSink>().Latest().First(m => m.Recipient == request.Mobile);
        Assert.Contains(code, sent.Body, StringComparison.Ordinal);
        var kept = await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.AsNoTracking().SingleAsync(m => m.Kind == MessageKind.Otp));
        Assert.Equal(DeliveryStatus.Sent, kept.Status);
        Assert.DoesNotContain(code, kept.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{6}", kept.Body);
        Assert.Contains("رمز التحقق", kept.Body, StringComparison.Ordinal);
        Assert.Contains(MessageTemplates.MaskedCode, kept.Body, StringComparison.Ordinal);
        Assert.Null(kept.KeptBody);
    }

    [Fact]
    public async Task Track_wrong_number_or_identity_says_no_request_without_saying_which_and_sends_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        var other = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();

        var wrongId = await StaffClient.ParseAsync(await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, other.IdentityNumber));
        var wrongNumber = await StaffClient.ParseAsync(await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number + "9", request.IdentityNumber));

        Assert.Equal(wrongId.QuerySelector("[data-testid=track-error]")!.TextContent.Trim(), wrongNumber.QuerySelector("[data-testid=track-error]")!.TextContent.Trim());
        Assert.Contains("لا يوجد طلب", wrongId.QuerySelector("[data-testid=track-error]")!.TextContent);
        Assert.Equal(request.Number, wrongId.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='Input.Number']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
    }

    [Fact]
    public async Task Track_code_after_five_minutes_is_refused_as_expired()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        var sent = await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        var code = await PortalArrange.LatestCodeAsync(factory, tenant);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await PortalArrange.EnterCodeAsync(visitor, sent.Headers.Location!.OriginalString, code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("انتهت صلاحية الرمز", (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=code-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/track/request")).StatusCode);
    }

    [Fact]
    public async Task Track_five_wrong_codes_kill_the_code_even_for_the_right_one()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        var sent = await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);
        var codePage = sent.Headers.Location!.OriginalString;
        var code = await PortalArrange.LatestCodeAsync(factory, tenant);
        var wrong = code == "000000" ? "111111" : "000000";

        var first = await StaffClient.ParseAsync(await PortalArrange.EnterCodeAsync(visitor, codePage, wrong));
        Assert.Contains("4", first.QuerySelector("[data-testid=code-error]")!.TextContent);
        for (var i = 0; i < 4; i++)
        {
            await PortalArrange.EnterCodeAsync(visitor, codePage, wrong);
        }

        var right = await PortalArrange.EnterCodeAsync(visitor, codePage, code);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("رمز جديد", (await StaffClient.ParseAsync(right)).QuerySelector("[data-testid=code-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/track/request")).StatusCode);
    }

    [Fact]
    public async Task Track_used_code_cannot_open_a_second_session()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var first = factory.CreateStaffClient();
        var codePage = await PortalArrange.SignInAsync(factory, tenant, first, request);
        var code = await PortalArrange.LatestCodeAsync(factory, tenant);

        using var second = factory.CreateStaffClient();
        var again = await PortalArrange.EnterCodeAsync(second, codePage, code);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("مستخدم", (await StaffClient.ParseAsync(again)).QuerySelector("[data-testid=code-error]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Http.GetAsync($"/t/{tenant.Slug}/track/request")).StatusCode);
    }

    [Fact]
    public async Task Track_fourth_code_for_a_request_within_fifteen_minutes_is_429_then_allowed_later()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        for (var i = 0; i < PortalLimits.CodeRequest.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber)).StatusCode);
        }

        var fourth = await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("15", (await StaffClient.ParseAsync(fourth)).QuerySelector("[data-testid=track-error]")!.TextContent);
        Assert.Equal(3, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber)).StatusCode);
    }

    [Fact]
    public async Task Track_eleventh_lookup_from_one_client_is_429_even_with_the_right_number()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        for (var i = 0; i < PortalLimits.TrackLookup.MaxAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, $"10000000{i:00}")).StatusCode);
        }

        var right = await PortalArrange.LookUpAsync(visitor, tenant.Slug, request.Number, request.IdentityNumber);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("محاولات كثيرة", (await StaffClient.ParseAsync(right)).QuerySelector("[data-testid=track-error]")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
    }

    [Fact]
    public async Task Track_number_and_identity_of_another_association_find_nothing_and_send_nothing()
    {
        var own = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var theirs = await PortalArrange.ReturnedAsync(factory, other);
        using var visitor = factory.CreateStaffClient();

        var response = await PortalArrange.LookUpAsync(visitor, own.Slug, theirs.Number, theirs.IdentityNumber);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("لا يوجد طلب", (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=track-error]")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(own.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.OutgoingMessages.CountAsync(m => m.Kind == MessageKind.Otp)));
    }

    [Fact]
    public async Task Track_session_of_one_association_is_not_signed_in_under_another()
    {
        var own = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, own);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, own, visitor, request);

        var elsewhere = await visitor.Http.GetAsync($"/t/{other.Slug}/track/request");

        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal($"/t/{other.Slug}/track", elsewhere.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync($"/t/{own.Slug}/track/request")).StatusCode);
    }

    [Fact]
    public async Task Track_code_page_of_another_associations_challenge_is_not_found()
    {
        var own = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, other);
        using var visitor = factory.CreateStaffClient();
        var sent = await PortalArrange.LookUpAsync(visitor, other.Slug, request.Number, request.IdentityNumber);
        var challenge = sent.Headers.Location!.OriginalString.Split('/')[^1];

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/t/{own.Slug}/track/code/{challenge}")).StatusCode);
    }

    [Fact]
    public async Task Track_sign_out_ends_the_session()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var signedOut = await visitor.SubmitFormAsync($"/t/{tenant.Slug}/track/request", "form[data-testid=sign-out]", new Dictionary<string, string>());

        Assert.Equal($"/t/{tenant.Slug}", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Http.GetAsync($"/t/{tenant.Slug}/track/request")).StatusCode);
    }

    private static string ToArabicIndic(string value) =>
        new(value.Select(c => c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c).ToArray());
}
