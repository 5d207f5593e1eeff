using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Data;
using Juthuruna.Features.Letters;
using Juthuruna.Features.Portal;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Portal;

/// <summary>What the signed-in beneficiary can reach: the letters to them about their request, and the upload of missing documents.</summary>
public sealed class PortalDocumentsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Upload_of_a_missing_document_lands_on_the_request_for_the_officer()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File", "عقد.pdf", Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");
        Assert.NotNull(page.QuerySelector("[data-testid=uploaded-on]"));
        var stored = await factory.QueryAsync(tenant.Id, db => db.PortalUploads.AsNoTracking()
            .Join(db.StoredFiles, u => u.Id, f => f.OwnerId, (u, f) => new { u.RequestId, u.BeneficiaryId, u.DocumentTypeId, f.UploadedBy, f.OriginalName }).SingleAsync());
        Assert.Equal((request.RequestId, request.BeneficiaryId, request.DocumentTypeId, (Guid?)null, "عقد.pdf"),
            (stored.RequestId, stored.BeneficiaryId, stored.DocumentTypeId, stored.UploadedBy, stored.OriginalName));
        Assert.Equal(RequestState.ReturnedForCompletion, await StateAsync(tenant, request));

        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        // Beside the checklist, where the officer checks it.
        var staffPage = await officer.GetDocumentAsync($"/Requests/{request.RequestId}/Documents");
        Assert.Contains("عقد الإيجار", staffPage.QuerySelector("[data-testid=portal-upload]")!.TextContent);
    }

    [Fact]
    public async Task Upload_posted_twice_stores_one_file()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);
        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");
        var form = page.QuerySelector<IHtmlFormElement>($"form[data-testid=upload-{request.DocumentTypeId}]")!;

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(visitor, form, Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(visitor, form, Pdf)).StatusCode);

        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.PortalUploads.CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync(f => f.OwnerKind == PortalUpload.FileOwnerKind)));
    }

    [Fact]
    public async Task Upload_of_a_disguised_file_is_refused_beside_the_field_and_nothing_is_stored()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File",
            "lease.pdf", "MZ this is a program"u8.ToArray(), "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("PDF", page.QuerySelector($"form[data-testid=upload-{request.DocumentTypeId}] [data-testid=upload-error]")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.PortalUploads.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Upload_larger_than_the_limit_is_refused_and_nothing_is_stored()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File", "big.pdf", big, "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("10", (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=upload-error]")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Upload_when_the_request_is_no_longer_returned_for_completion_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);
        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");
        var form = page.QuerySelector<IHtmlFormElement>($"form[data-testid=upload-{request.DocumentTypeId}]")!;
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var version = await sp.GetRequiredService<AppDbContext>().SupportRequests.AsNoTracking().Where(r => r.Id == request.RequestId).Select(r => r.Version).SingleAsync();
            var result = await sp.GetRequiredService<RequestCommands>().TransitionAsync(
                request.RequestId, RequestTrigger.Resubmit, version, null, TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(result.Succeeded);
        });

        var response = await PostAsync(visitor, form, Pdf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("بانتظارها", (await StaffClient.ParseAsync(response)).QuerySelector("[data-testid=upload-error]")!.TextContent);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Letter_of_the_sessions_request_downloads_and_any_other_letter_is_not_found()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        var neighbour = await PortalArrange.ReturnedAsync(factory, tenant);
        var stranger = await PortalArrange.ReturnedAsync(factory, other);
        var ours = await LetterAsync(tenant, request.RequestId, LetterKind.MissingDocuments, 1);
        var neighbours = await LetterAsync(tenant, neighbour.RequestId, LetterKind.MissingDocuments, 2);
        var internalLetter = await LetterAsync(tenant, request.RequestId, LetterKind.Referral, 3);
        var strangers = await LetterAsync(other, stranger.RequestId, LetterKind.MissingDocuments, 1);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var page = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track/request");
        var link = Assert.Single(page.QuerySelectorAll("[data-testid=letter-download]"));
        var download = await visitor.Http.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains(ours.ToString(), link.GetAttribute("href"));
        foreach (var id in new[] { neighbours, internalLetter, strangers })
        {
            await TenantLeak.AssertGetNotFoundAsync(visitor, $"/t/{tenant.Slug}/track/request/letter?letterId={id}");
        }

        using var anonymous = factory.CreateStaffClient();
        await TenantLeak.AssertGetNotFoundAsync(anonymous, $"/t/{tenant.Slug}/track/request/letter?letterId={ours}");
    }

    private Task<RequestState> StateAsync(TestTenant tenant, PortalArrange.Tracked request) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.AsNoTracking().Where(r => r.Id == request.RequestId).Select(r => r.State).SingleAsync());

    /// <summary>A register entry with its PDF, written directly (issuing letters has its own tests and needs a browser).</summary>
    private Task<Guid> LetterAsync(TestTenant tenant, Guid requestId, LetterKind kind, long sequence) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var letter = new Letter
            {
                Number = Letter.FormatNumber("JTH", 1447, sequence),
                HijriYear = 1447,
                Sequence = sequence,
                Kind = kind,
                Language = "ar",
                SubjectId = requestId,
                RecipientName = "مريم سعد ناصر العتيبي",
                RecipientInitials = "م. ع.",
                Title = "إشعار نواقص",
                IssuedOn = DateOnly.FromDateTime(now),
                IssuedAtUtc = now,
                IssuedBy = tenant.User(StaffRoles.RelationsOfficer).Id,
                VerificationCode = Guid.NewGuid().ToString("N"),
                Sha256 = new string('0', 64),
                PdfBytes = Pdf.Length,
                IdempotencyKey = Guid.NewGuid(),
                Status = LetterStatus.Issued,
            };
            db.Letters.Add(letter);
            db.LetterPdfs.Add(new LetterPdf { LetterId = letter.Id, Content = Pdf });
            await db.SaveChangesAsync();
            return letter.Id;
        });

    /// <summary>Posts an upload form as shown once (same hidden fields each time): a double submit.</summary>
    private static async Task<HttpResponseMessage> PostAsync(StaffClient visitor, IHtmlFormElement form, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload.File", "lease.pdf");
        return await visitor.Http.PostAsync(form.GetAttribute("action"), content);
    }
}
