using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>The letters card of a request, the register, a letter's page, its PDF and the public verification page.</summary>
[Collection(SharedApp.Requests)]
public sealed class LetterPagesTests(AppFactory factory)
{
    private static string RequestUrl(Guid id) => $"/Requests/Details/{id}";

    [Fact]
    public async Task Issue_from_the_request_page_stores_the_letter_and_downloads_the_same_bytes_every_time()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var issued = await officer.SubmitFormAsync(RequestUrl(request.RequestId), "[data-testid=issue-letter-form]",
            new Dictionary<string, string> { ["Kind"] = nameof(LetterKind.Receipt), ["Language"] = "ar" });

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var letterUrl = issued.Headers.Location!.OriginalString;
        var page = await officer.GetDocumentAsync(letterUrl);
        Assert.Equal("TST/1447/0001", page.QuerySelector("[data-testid=letter-number]")!.TextContent.Trim());
        Assert.Equal("سعاد عبدالله صالح الزهراني", page.QuerySelector("[data-testid=letter-recipient]")!.TextContent.Trim());
        var first = await officer.Http.GetByteArrayAsync(page.QuerySelector("[data-testid=letter-download]")!.GetAttribute("href"));
        var second = await officer.Http.GetByteArrayAsync(page.QuerySelector("[data-testid=letter-download]")!.GetAttribute("href"));
        Assert.Equal(first, second);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4), StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), page.QuerySelector("[data-testid=letter-sha256]")!.TextContent.Trim());

        var card = await officer.GetDocumentAsync(RequestUrl(request.RequestId));
        Assert.Equal("TST/1447/0001", card.QuerySelector("[data-testid=letters-table] [data-testid=letter-number]")!.TextContent.Trim());
        // The beneficiary's file lists the letters written to them.
        var file = await officer.GetDocumentAsync($"/Beneficiaries/Details/{request.BeneficiaryId}");
        Assert.Contains("TST/1447/0001", file.QuerySelector("[data-testid=beneficiary-letter]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_posted_twice_with_the_same_form_issues_one_letter()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var page = await officer.GetDocumentAsync(RequestUrl(request.RequestId));
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=issue-letter-form]")!;

        var first = await officer.SubmitAsync(form, RequestUrl(request.RequestId), new Dictionary<string, string>());
        var second = await officer.SubmitAsync(form, RequestUrl(request.RequestId), new Dictionary<string, string>());

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
    }

    [Fact]
    public async Task Issue_refused_in_this_state_comes_back_to_the_card_with_the_reason_and_takes_no_number()
    {
        var tenant = await factory.CreateTenantAsync();
        var verified = await TestRequests.VerifiedAsync(factory, tenant);
        var draft = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var requests = sp.GetRequiredService<RequestCommands>();
            var created = await requests.CreateAsync(new NewSupportRequest(
                verified.BeneficiaryId, verified.ServiceId, null, Juthuruna.Features.Contacts.ContactChannel.Phone, "طلب آخر", null, Guid.NewGuid()),
                TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            return created.Id!.Value;
        });
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        Assert.Null((await officer.GetDocumentAsync(RequestUrl(draft))).QuerySelector("[data-testid=issue-letter-form]"));

        // The form of another request, posted for the draft (as a stale page or a forged post would).
        var page = await officer.GetDocumentAsync(RequestUrl(verified.RequestId));
        var response = await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>("[data-testid=issue-letter-form]")!, RequestUrl(verified.RequestId),
            new Dictionary<string, string> { ["SubjectId"] = draft.ToString(), ["ReturnUrl"] = RequestUrl(draft) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = await officer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("يصدر خطاب الاستلام بعد التحقق من الطلب.", back.QuerySelector("[data-testid=issue-letter-error]")!.TextContent.Trim());
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.TenantCounters.CountAsync(c => c.Name.StartsWith(Letter.CounterPrefix))));
    }

    [Fact]
    public async Task Register_searches_by_number_recipient_kind_and_date_and_keeps_a_bad_date_beside_its_field()
    {
        var tenant = await factory.CreateTenantAsync();
        var first = await TestRequests.VerifiedAsync(factory, tenant);
        var second = await TestRequests.VerifiedAsync(factory, tenant);
        await IssueAsync(tenant, first.RequestId);
        await IssueAsync(tenant, second.RequestId);
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var all = await manager.GetDocumentAsync("/Letters");
        Assert.Equal(["TST/1447/0002", "TST/1447/0001"], all.QuerySelectorAll("[data-testid=register-number]").Select(a => a.TextContent.Trim()));

        var byNumber = await manager.GetDocumentAsync("/Letters?Search.Number=%D9%A0%D9%A0%D9%A0%D9%A2"); // "٠٠٠٢" typed in Arabic-Indic digits
        Assert.Equal(["TST/1447/0002"], byNumber.QuerySelectorAll("[data-testid=register-number]").Select(a => a.TextContent.Trim()));

        var byRecipient = await manager.GetDocumentAsync("/Letters?Search.Recipient=" + Uri.EscapeDataString("الزهراني") + "&Search.Kind=Receipt");
        Assert.Equal(2, byRecipient.QuerySelectorAll("[data-testid=register-row]").Length);

        var byDate = await manager.GetDocumentAsync("/Letters?Search.Calendar=Gregorian&Search.From=19/02/2026");
        Assert.NotNull(byDate.QuerySelector("[data-testid=register-empty]"));

        var badDate = await manager.GetDocumentAsync("/Letters?Search.Calendar=Gregorian&Search.From=31/02/2026");
        Assert.Equal("31/02/2026", badDate.QuerySelector<IHtmlInputElement>("[data-testid=search-from]")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(badDate.QuerySelector("[data-testid=error-from]")!.TextContent));
    }

    [Fact]
    public async Task Correction_takes_a_new_number_that_refers_to_the_old_letter_which_stays_marked_as_replaced()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var oldId = await IssueAsync(tenant, request.RequestId);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        var corrected = await officer.SubmitFormAsync($"/Letters/Details/{oldId}", "[data-testid=correct-form]", new Dictionary<string, string>());

        var page = await officer.GetDocumentAsync(corrected.Headers.Location!.OriginalString);
        Assert.Equal("TST/1447/0002", page.QuerySelector("[data-testid=letter-number]")!.TextContent.Trim());
        Assert.Equal("TST/1447/0001", page.QuerySelector("[data-testid=letter-replaces]")!.TextContent.Trim());
        var old = await officer.GetDocumentAsync($"/Letters/Details/{oldId}");
        Assert.Equal("TST/1447/0002", old.QuerySelector("[data-testid=letter-replaced-by]")!.TextContent.Trim());
        Assert.Null(old.QuerySelector("[data-testid=correct-form]"));
        var text = await Juthuruna.Testing.PdfText.ExtractAsync(await officer.Http.GetByteArrayAsync(page.QuerySelector("[data-testid=letter-download]")!.GetAttribute("href")));
        Juthuruna.Testing.PdfText.AssertInOrder(text, "تصحيح للخطاب رقم", "TST/1447/0001");
    }

    [Fact]
    public async Task Verify_page_shows_the_letter_with_initials_only_and_an_unknown_code_is_not_found()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var id = await IssueAsync(tenant, request.RequestId);
        var letter = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().SingleAsync(l => l.Id == id));
        using var anonymous = factory.CreateStaffClient();

        var response = await anonymous.Http.GetAsync($"/verify/{letter.VerificationCode}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await StaffClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(letter.Number, page.QuerySelector("[data-testid=verify-number]")!.TextContent.Trim());
        Assert.Equal("س. ز.", page.QuerySelector("[data-testid=verify-initials]")!.TextContent.Trim());
        Assert.Equal(letter.Sha256, page.QuerySelector("[data-testid=verify-sha256]")!.TextContent.Trim());
        Assert.Contains("جمعية", page.QuerySelector("[data-testid=verify-association]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=verify-genuine]"));
        // Nothing personal beyond the initials: no name, no identity number, no mobile, no request number.
        var request1 = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == request.RequestId).Select(r => r.Number).SingleAsync());
        var beneficiary = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == request.BeneficiaryId).Select(b => new { b.IdentityNumber, b.Mobile }).SingleAsync());
        foreach (var secret in new[] { "سعاد", "الزهراني", beneficiary.IdentityNumber, beneficiary.Mobile, "551234567", request1 })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        var unknown = await anonymous.Http.GetAsync("/verify/" + LetterRegister.NewVerificationCode());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotNull((await StaffClient.ParseAsync(unknown)).QuerySelector("[data-testid=verify-not-found]"));
    }

    [Fact]
    public async Task Letters_of_another_association_are_not_found_and_nothing_changes()
    {
        var victim = await factory.CreateTenantAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, victim);
        var id = await IssueAsync(victim, request.RequestId);
        using var intruder = await factory.SignInAsync(intruderTenant.User(StaffRoles.RelationsOfficer).Email);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Letters/Details/{id}");
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Letters/Details/{id}?handler=Pdf");
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, victim.Id, $"/Letters/Details/{id}?handler=Correct",
            db => db.Letters.CountAsync(), new Dictionary<string, string> { ["IdempotencyKey"] = Guid.NewGuid().ToString() });
        await TenantLeak.AssertPostNotFoundAsync(factory, intruder, victim.Id, "/Letters/Issue",
            db => db.Letters.CountAsync(), new Dictionary<string, string>
            {
                ["Kind"] = nameof(LetterKind.Receipt), ["SubjectId"] = request.RequestId.ToString(), ["Language"] = "ar",
                ["IdempotencyKey"] = Guid.NewGuid().ToString(),
            });
        Assert.Empty((await intruder.GetDocumentAsync("/Letters")).QuerySelectorAll("[data-testid=register-row]"));
        Assert.Equal(0, await factory.QueryAsync(intruderTenant.Id, db => db.Letters.CountAsync()));
    }

    [Fact]
    public async Task Register_and_issue_are_forbidden_to_researchers_and_committee_members()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var id = await IssueAsync(tenant, request.RequestId);
        foreach (var role in new[] { StaffRoles.SocialResearcher, StaffRoles.CommitteeMember })
        {
            using var client = await factory.SignInAsync(tenant.User(role).Email);
            await Forbidden.AssertAsync(await client.Http.GetAsync("/Letters"));
            await Forbidden.AssertAsync(await client.Http.GetAsync($"/Letters/Details/{id}?handler=Pdf"));
            Assert.Null((await client.GetDocumentAsync(RequestUrl(request.RequestId))).QuerySelector("[data-testid=letters-panel]"));
        }

        // The committee's secretary reads the register but writes no letter to applicants.
        using var secretary = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeSecretary).Email);
        Assert.Null((await secretary.GetDocumentAsync(RequestUrl(request.RequestId))).QuerySelector("[data-testid=issue-letter-form]"));
        await Forbidden.AssertAsync(await secretary.PostWithTokenAsync("/Letters/Issue", new Dictionary<string, string>
        {
            ["Kind"] = nameof(LetterKind.Receipt), ["SubjectId"] = request.RequestId.ToString(), ["Language"] = "ar", ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }));
    }

    private Task<Guid> IssueAsync(TestTenant tenant, Guid requestId) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var result = await sp.GetRequiredService<LetterRegister>().IssueAsync(LetterKind.Receipt, requestId, "ar", Guid.NewGuid(),
                TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(result.Succeeded);
            return result.Id!.Value;
        });
}
