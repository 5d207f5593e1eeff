using System.Net;
using Juthuruna.Features.Letters;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Pdf;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>One print at a time and a generous print deadline, so a test decides how long a letter waits for Chromium.</summary>
public sealed class AppFactoryWithOnePrintSlot : AppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Letters:MaxConcurrency", "1");
        builder.UseSetting("Letters:TimeoutSeconds", "600");
    }
}

/// <summary>
/// ADR 0012: the number is taken in a short transaction, the PDF printed outside any transaction, and a print that
/// fails after the number was taken stays in the register as a spoiled entry. Each test holds the renderer's only
/// print slot, so its letter waits in the middle of issuing for exactly as long as the test needs.
/// </summary>
public sealed class LetterNumberingTests(AppFactoryWithOnePrintSlot factory) : IClassFixture<AppFactoryWithOnePrintSlot>
{
    // Generous: the wait ends as soon as the entry appears; the bound only stops a broken build from hanging.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Issue_while_the_letter_prints_the_number_is_committed_and_the_database_takes_other_writes()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        await renderer.EnsureStartedAsync(CancellationToken.None);

        RequestResult result;
        using (var busy = await renderer.HoldSlotAsync(CancellationToken.None))
        {
            var issuing = IssueAsync(tenant, request.RequestId, CancellationToken.None);
            var printing = await WaitForEntryAsync(tenant, LetterStatus.Printing, issuing);

            Assert.Equal("TST/1447/0001", printing.Number);
            // The write lock is free while the letter waits for Chromium: another writer gets it at once.
            await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Default Timeout=0"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; ROLLBACK;";
                await command.ExecuteNonQueryAsync();
            }

            // Nothing of a letter is visible yet: no PDF, no verification.
            Assert.Null(await factory.QueryAsync(tenant.Id, db => db.LetterPdfs.Where(p => p.LetterId == printing.Id).Select(p => (Guid?)p.LetterId).SingleOrDefaultAsync()));
            Assert.Null(await factory.Services.CreateScope().ServiceProvider.GetRequiredService<LetterVerifier>().VerifyAsync(printing.VerificationCode, CancellationToken.None));
            busy.Dispose();
            result = await issuing;
        }

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        var letter = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().SingleAsync());
        Assert.Equal(LetterStatus.Issued, letter.Status);
        Assert.Equal(64, letter.Sha256.Length);
        Assert.NotNull(await factory.Services.CreateScope().ServiceProvider.GetRequiredService<LetterVerifier>().VerifyAsync(letter.VerificationCode, CancellationToken.None));
    }

    [Fact]
    public async Task Issue_interrupted_while_printing_leaves_a_spoiled_entry_and_the_next_letter_takes_the_next_number()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        await renderer.EnsureStartedAsync(CancellationToken.None);

        using (await renderer.HoldSlotAsync(CancellationToken.None))
        {
            using var caller = new CancellationTokenSource();
            var issuing = IssueAsync(tenant, request.RequestId, caller.Token);
            await WaitForEntryAsync(tenant, LetterStatus.Printing, issuing);
            await caller.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => issuing);
        }

        var next = await IssueAsync(tenant, request.RequestId, CancellationToken.None);

        Assert.True(next.Succeeded, string.Join("; ", next.Errors.Select(e => e.Message)));
        var entries = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync());
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal([LetterStatus.Spoiled, LetterStatus.Issued], entries.Select(e => e.Status));
        Assert.Equal(LetterSpoiledReason.Interrupted, entries[0].SpoiledReason);
        Assert.Equal(next.Id, entries[1].Id);

        // The register shows the spoiled number with its reason; the request's letters card shows only the letter.
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var register = await officer.GetDocumentAsync("/Letters");
        var rows = register.QuerySelectorAll("[data-testid=register-row]");
        Assert.Equal(2, rows.Length);
        Assert.Contains("ملغى: انقطعت الطباعة", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/Letters/Details/{entries[0].Id}?handler=Pdf")).StatusCode);
        var requestPage = await officer.GetDocumentAsync($"/Requests/Details/{request.RequestId}");
        Assert.DoesNotContain(entries[0].Number, requestPage.QuerySelector("#letters")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(entries[1].Number, requestPage.QuerySelector("#letters")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_after_a_server_stopped_mid_print_marks_the_abandoned_entry_interrupted_and_keeps_numbering()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var renderer = factory.Services.GetRequiredService<PdfRenderer>();
        await renderer.EnsureStartedAsync(CancellationToken.None);

        RequestResult abandoned, next;
        using (var busy = await renderer.HoldSlotAsync(CancellationToken.None))
        {
            var first = IssueAsync(tenant, request.RequestId, CancellationToken.None);
            await WaitForEntryAsync(tenant, LetterStatus.Printing, first);
            // Eleven minutes later the entry is still printing, as it would be after the server was stopped.
            factory.Clock.Advance(LetterRegister.PrintingGivenUpAfter + TimeSpan.FromMinutes(1));
            var second = IssueAsync(tenant, request.RequestId, CancellationToken.None);
            await WaitForEntryAsync(tenant, LetterStatus.Spoiled, second);
            busy.Dispose();
            abandoned = await first;
            next = await second;
        }

        Assert.False(abandoned.Succeeded);
        Assert.True(next.Succeeded, string.Join("; ", next.Errors.Select(e => e.Message)));
        var entries = await factory.QueryAsync(tenant.Id, db => db.Letters.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync());
        Assert.Equal([LetterStatus.Spoiled, LetterStatus.Issued], entries.Select(e => e.Status));
        Assert.Equal(LetterSpoiledReason.Interrupted, entries[0].SpoiledReason);
        Assert.False(await factory.QueryAsync(tenant.Id, db => db.LetterPdfs.AnyAsync(p => p.LetterId == entries[0].Id)));
    }

    private Task<RequestResult> IssueAsync(TestTenant tenant, Guid requestId, CancellationToken ct) =>
        Task.Run(() => factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterRegister>().IssueAsync(
            LetterKind.Receipt, requestId, "ar", Guid.NewGuid(), TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), ct)), CancellationToken.None);

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

            Assert.False(issuing.IsCompleted, $"Issuing ended before an entry was {status}: the number was not committed on its own.");
            await Task.Delay(20);
        }

        throw new TimeoutException($"No register entry became {status} within {Patience}.");
    }
}
