using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Letters;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Load;

/// <summary>A generous print deadline: under a burst on a busy machine a letter waits its turn for Chromium, it does not time out.</summary>
public sealed class BurstFactory : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Letters:TimeoutSeconds", "600");
    }
}

/// <summary>
/// Issue 13, "mixed load": letters and request creations fired together over real HTTP (antiforgery, cookies) at a
/// real SQLite file with real Chromium. No answer is a 5xx, the register and the request numbers stay gapless, and
/// another association's write goes through meanwhile. How long anything takes is measured by
/// benchmarks/mixed-burst.sh, not asserted here.
/// </summary>
public sealed class MixedBurstTests(BurstFactory factory) : IClassFixture<BurstFactory>
{
    private const int Letters = 50;
    private const int Requests = 50;

    [Fact]
    public async Task Burst_of_fifty_letters_and_fifty_requests_answers_without_5xx_and_keeps_every_number_gapless()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var other = await factory.CreateTenantAsync();
        var otherOfficer = await factory.SignInAsync(other.User(StaffRoles.RelationsOfficer).Email);

        // The forms as the officer's browser has them (antiforgery token included); each post gets its own form key.
        var detailsUrl = $"/Requests/Details/{arranged.RequestId}";
        var letterForm = (await officer.GetDocumentAsync(detailsUrl)).QuerySelector<IHtmlFormElement>("[data-testid=issue-letter-form]")!;
        var createUrl = $"/Requests/Create?beneficiaryId={arranged.BeneficiaryId}";
        var requestForm = (await officer.GetDocumentAsync(createUrl)).QuerySelector<IHtmlFormElement>("form[data-testid=request-form]")!;
        var contactForm = (await otherOfficer.GetDocumentAsync("/Contacts/Create")).QuerySelector<IHtmlFormElement>("form[data-testid=contact-form]")!;

        var letters = Enumerable.Range(0, Letters).Select(_ => Task.Run(() => officer.SubmitAsync(letterForm, detailsUrl, new Dictionary<string, string>
        {
            ["Kind"] = nameof(LetterKind.Receipt),
            ["Language"] = "ar",
            ["IdempotencyKey"] = Guid.NewGuid().ToString(),
        }))).ToList();
        var requests = Enumerable.Range(0, Requests).Select(i => Task.Run(() => officer.SubmitAsync(requestForm, createUrl, new Dictionary<string, string>
        {
            ["Input.ServiceId"] = arranged.ServiceId.ToString(),
            ["Input.Channel"] = "Phone",
            ["Input.Description"] = $"أسرة تحتاج مساعدة عاجلة في الإيجار، الطلب {i + 1}",
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
        }))).ToList();

        // Another association writes while the burst runs.
        var contact = await otherOfficer.SubmitAsync(contactForm, "/Contacts/Create", new Dictionary<string, string>
        {
            ["Input.CallerName"] = "سعد الحربي",
            ["Input.CallerMobile"] = "0559876543",
            ["Input.Channel"] = "Phone",
            ["Input.Direction"] = "Incoming",
            ["Input.Type"] = "Inquiry",
            ["Input.Summary"] = "يسأل عن مواعيد استقبال طلبات الدعم",
        });
        var letterAnswers = await Task.WhenAll(letters);
        var requestAnswers = await Task.WhenAll(requests);

        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.StartsWith("/Contacts/Details/", contact.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(other.Id, db => db.Contacts.CountAsync()));

        // Every answer is a success or a clear "try again" (the print queue's 429); none is a server error.
        Assert.All(letterAnswers.Concat(requestAnswers), a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
        Assert.All(letterAnswers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.TooManyRequests, $"letter answered {(int)a.StatusCode}"));
        Assert.All(requestAnswers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.All(requestAnswers, a => Assert.StartsWith("/Requests/Details/", a.Headers.Location!.OriginalString, StringComparison.Ordinal));

        // The register: numbers 1..n, issued and spoiled together, none left printing; one issued letter per success.
        var register = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().OrderBy(l => l.Sequence).Select(l => new { l.Sequence, l.Status }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, register.Count).Select(i => (long)i), register.Select(l => l.Sequence));
        Assert.DoesNotContain(register, l => l.Status == LetterStatus.Printing);
        var issued = letterAnswers.Count(a => a.Headers.Location?.OriginalString.StartsWith("/Letters/Details/", StringComparison.Ordinal) == true);
        Assert.Equal(issued, register.Count(l => l.Status == LetterStatus.Issued));
        Assert.True(issued > 0);

        // Request numbers: the arranged one and the fifty, 1..51 without a gap or a repeat.
        var numbers = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.AsNoTracking().Select(r => r.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, Requests + 1), numbers.Select(n => int.Parse(n.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }
}
