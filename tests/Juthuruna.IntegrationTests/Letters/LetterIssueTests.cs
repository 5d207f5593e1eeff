using Juthuruna.Data;
using Juthuruna.Features.Letters;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>Letters issued through the register with real Chromium, read back with pdftotext.</summary>
public sealed class LetterIssueTests(AppFactoryWithOwnChromium factory) : IClassFixture<AppFactoryWithOwnChromium>
{
    [Fact]
    public async Task Receipt_of_a_verified_request_is_numbered_dated_and_names_the_due_date_in_logical_order()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);

        var (letterId, pdf) = await IssueAsync(tenant, LetterKind.Receipt, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf, layout: true);
        var letter = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().SingleAsync(l => l.Id == letterId));
        var number = await factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == request.RequestId).Select(r => r.Number).SingleAsync());
        // pdftotext moves the spaces around digits, so the order is checked word by word.
        PdfText.AssertInOrder(text, "الرقم", letter.Number, "التاريخ", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026");
        PdfText.AssertInOrder(text, "سعاد عبدالله صالح الزهراني", "الموضوع", "استلام طلب الدعم");
        PdfText.AssertInOrder(text, "طلبكم رقم", number, "خلال", "14", "موعد أقصاه", "15", "رمضان", "1447", "الموافق", "4", "مارس", "2026");
        Assert.Equal("TST/1447/0001", letter.Number);
        Assert.Equal("س. ز.", letter.RecipientInitials);
    }

    [Fact]
    public async Task Register_stays_gapless_when_twenty_letters_are_issued_at_once()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => IssueAsync(tenant, LetterKind.Receipt, request.RequestId))));

        var sequences = await factory.QueryAsync(tenant.Id, db => db.Letters.OrderBy(l => l.Sequence).Select(l => l.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sequences);
        Assert.Equal(20, results.Select(r => r.Id).Distinct().Count());
        // Each stored PDF is the one its number was printed on.
        var numbers = await factory.QueryAsync(tenant.Id, db => db.Letters.ToDictionaryAsync(l => l.Id, l => l.Number));
        foreach (var (id, pdf) in results.Take(3))
        {
            Assert.Contains(numbers[id], await PdfText.ExtractAsync(pdf), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Register_issues_the_next_letter_after_chromium_was_killed()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        await IssueAsync(tenant, LetterKind.Receipt, request.RequestId);
        var renderer = factory.Services.GetRequiredService<Juthuruna.Pdf.PdfRenderer>();
        using (var chromium = System.Diagnostics.Process.GetProcessById(renderer.BrowserProcessId!.Value))
        {
            chromium.Kill(entireProcessTree: true);
            await chromium.WaitForExitAsync();
        }

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Receipt, request.RequestId);

        Assert.Contains("استلام طلب الدعم", await PdfText.ExtractAsync(pdf), StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
    }

    private async Task<(Guid Id, byte[] Pdf)> IssueAsync(TestTenant tenant, LetterKind kind, Guid subjectId) =>
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var result = await sp.GetRequiredService<LetterRegister>().IssueAsync(kind, subjectId, "ar", Guid.NewGuid(),
                TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            var pdf = await sp.GetRequiredService<LetterQueries>().PdfAsync(result.Id!.Value, CancellationToken.None);
            return (result.Id!.Value, pdf!.Value.Content);
        });
}

/// <summary>A host with a Chromium of its own, for tests that kill it (others print in <see cref="SharedChromium"/>).</summary>
public sealed class AppFactoryWithOwnChromium : AppFactory
{
    protected override bool SharesChromium => false;
}

/// <summary>A server without Chromium: only letters are unavailable, and the user is told so in Arabic.</summary>
public sealed class AppFactoryWithoutChromium : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Letters:ChromiumPath", "/nonexistent/chromium");
    }
}

public sealed class LetterWithoutChromiumTests(AppFactoryWithoutChromium factory) : IClassFixture<AppFactoryWithoutChromium>
{
    [Fact]
    public async Task Issue_without_chromium_says_so_in_arabic_takes_no_number_and_the_request_page_still_works()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var url = $"/Requests/Details/{request.RequestId}";

        var response = await officer.SubmitFormAsync(url, "[data-testid=issue-letter-form]", new Dictionary<string, string>());

        var back = await officer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("محرّك ملفات PDF غير مثبّت", back.QuerySelector("[data-testid=issue-letter-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.TenantCounters.CountAsync(c => c.Name.StartsWith(Letter.CounterPrefix))));
    }
}
