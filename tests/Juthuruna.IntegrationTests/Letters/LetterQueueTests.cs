using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Letters;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>One print slot and room for one letter to wait for it; a generous print deadline.</summary>
public sealed class AppFactoryWithFewPrintPlaces : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Letters:MaxConcurrency", "1");
        builder.UseSetting("Letters:QueueLimit", "1");
        builder.UseSetting("Letters:TimeoutSeconds", "600");
    }
}

/// <summary>
/// Issue 13: a renderer busy with letters queues a bounded number more, and refuses the next at once with 429 "try
/// again" — before the letter takes a number, so the register keeps no entry for it.
/// </summary>
public sealed class LetterQueueTests(AppFactoryWithFewPrintPlaces factory) : IClassFixture<AppFactoryWithFewPrintPlaces>
{
    // Generous: each wait ends as soon as its event happens; the bound only stops a broken build from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Issue_when_the_print_queue_is_full_answers_429_in_arabic_takes_no_number_and_the_kept_form_issues_later()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var url = $"/Requests/Details/{request.RequestId}";
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        using var colleague = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        await renderer.EnsureStartedAsync(CancellationToken.None);

        HttpResponseMessage refused;
        Task<HttpResponseMessage> waiting;
        using (var busy = await renderer.HoldSlotAsync(CancellationToken.None))
        {
            // The only slot prints another letter; the colleague's letter takes the queue's one place and waits.
            waiting = Task.Run(() => colleague.SubmitFormAsync(url, "[data-testid=issue-letter-form]",
                new Dictionary<string, string> { ["Kind"] = nameof(LetterKind.Receipt), ["Language"] = "ar" }));
            await WaitForEntryAsync(tenant, LetterStatus.Printing, waiting);

            // One more letter: refused at once, while the others still wait.
            refused = await officer.SubmitFormAsync(url, "[data-testid=issue-letter-form]",
                new Dictionary<string, string> { ["Kind"] = nameof(LetterKind.Receipt), ["Language"] = "en" }).WaitAsync(Patience);
            Assert.False(waiting.IsCompleted);
            busy.Dispose();
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        var page = await StaffClient.ParseAsync(refused);
        Assert.Equal(
            "طابعة الخطابات مشغولة بخطابات أخرى الآن. لم يصدر الخطاب ولم يُحجز له رقم؛ يرجى المحاولة مرة أخرى بعد لحظات.",
            page.QuerySelector("[data-testid=issue-letter-busy]")!.TextContent.Trim());
        // In the normal layout, with the user's choice kept.
        Assert.NotNull(page.QuerySelector("nav"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("الإنجليزية", page.QuerySelector("[data-testid=busy-letter-language]")!.TextContent.Trim());
        var retry = page.QuerySelector<IHtmlFormElement>("[data-testid=issue-letter-retry]")!;
        Assert.Equal("en", retry.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "Language").Value);

        // The waiting letter took number 1 and was issued; the refused one left no entry, spoiled or otherwise.
        Assert.Equal(HttpStatusCode.Redirect, (await waiting.WaitAsync(Patience)).StatusCode);
        var entries = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync());
        Assert.Equal([(1L, LetterStatus.Issued)], entries.Select(e => (e.Sequence, e.Status)));

        // "Try again" sends the kept form: the letter is issued in English under the next number.
        var again = await officer.SubmitAsync(retry, "/Letters/Issue", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        entries = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync());
        Assert.Equal([(1L, LetterStatus.Issued), (2L, LetterStatus.Issued)], entries.Select(e => (e.Sequence, e.Status)));
        Assert.Equal("en", entries[1].Language);
        Assert.EndsWith(entries[1].Id.ToString(), again.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first register entry in <paramref name="status"/>, as soon as it is committed.</summary>
    private async Task<Letter> WaitForEntryAsync(TestTenant tenant, LetterStatus status, Task issuing)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Status == status)) is { } entry)
            {
                return entry;
            }

            Assert.False(issuing.IsCompleted, $"Issuing ended before an entry was {status}.");
            await Task.Delay(20);
        }

        throw new TimeoutException($"No register entry became {status} within {Patience}.");
    }
}
