using System.Net;
using System.Security.Cryptography;
using System.Text;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Files;

public sealed class AttachmentTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string UploadForm = "form[data-testid=upload-form]";
    private const string DisguisedMessage = "محتوى الملف ليس مستند PDF أو صورة JPEG أو PNG؛ رُفض الرفع.";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<(TestTenant Tenant, StaffClient Officer, Guid BeneficiaryId)> BeneficiaryAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        return (tenant, officer, await TestBeneficiaries.CreateAsync(officer));
    }

    private static Task<HttpResponseMessage> UploadAsync(StaffClient client, Guid id, string name, byte[] bytes, string contentType = "application/pdf") =>
        client.UploadAsync($"/Beneficiaries/Details/{id}", UploadForm, "upload", name, bytes, contentType,
            new Dictionary<string, string> { ["description"] = "صورة الهوية" });

    private int FilesOnDisk() =>
        Directory.Exists(factory.StorageRoot)
            ? Directory.EnumerateFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Count()
            : 0;

    [Fact]
    public async Task Upload_pdf_then_download_returns_the_same_bytes_with_an_arabic_attachment_name()
    {
        var (tenant, officer, id) = await BeneficiaryAsync();

        var response = await UploadAsync(officer, id, "هوية وطنية.pdf", Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.QueryAsync(tenant.Id, db => db.StoredFiles.AsNoTracking().SingleAsync());
        Assert.Equal(("هوية وطنية.pdf", "application/pdf", (long)Pdf.Length, "Beneficiary", id, "صورة الهوية"),
            (stored.OriginalName, stored.ContentType, stored.SizeBytes, stored.OwnerKind, stored.OwnerId, stored.Description));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Equal(tenant.User(StaffRoles.RelationsOfficer).Id, stored.UploadedBy);
        Assert.StartsWith($"{tenant.Id:N}/2026/02/", stored.StorageKey, StringComparison.Ordinal);
        Assert.DoesNotContain("pdf", stored.StorageKey, StringComparison.OrdinalIgnoreCase);

        var details = await officer.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        var row = details.QuerySelector("[data-testid=attachment-list] tbody tr")!;
        Assert.Contains("هوية وطنية.pdf", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("موظف RelationsOfficer", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(stored.Sha256, row.QuerySelector("[title]")!.GetAttribute("title"));

        // A reader who cannot upload may still download.
        var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);
        var download = await researcher.Http.GetAsync($"/Files/Download/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("هوية وطنية.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Upload_over_the_size_limit_shows_arabic_message_and_stores_nothing()
    {
        var (tenant, officer, id) = await BeneficiaryAsync();
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var filesBefore = FilesOnDisk();

        var response = await UploadAsync(officer, id, "كبير.pdf", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("حجم الملف أكبر من المسموح (10 ميجابايت).", page.QuerySelector("[data-testid=upload-error]")!.TextContent.Trim());
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
        Assert.Equal(filesBefore, FilesOnDisk()); // nor a half-written temp file
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04 })] // an .exe
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x0A })]                   // plain text
    public async Task Upload_disguised_as_pdf_shows_arabic_message_and_stores_nothing(byte[] content)
    {
        var (tenant, officer, id) = await BeneficiaryAsync();
        var filesBefore = FilesOnDisk();

        var response = await UploadAsync(officer, id, "report.pdf", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal(DisguisedMessage, page.QuerySelector("[data-testid=upload-error]")!.TextContent.Trim());
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
        Assert.Equal(filesBefore, FilesOnDisk());
    }

    [Fact]
    public async Task Upload_by_a_reader_who_is_not_a_writer_is_forbidden_and_stores_nothing()
    {
        var (tenant, _, id) = await BeneficiaryAsync();
        var researcher = await factory.SignInAsync(tenant.User(StaffRoles.SocialResearcher).Email);

        var details = await researcher.GetDocumentAsync($"/Beneficiaries/Details/{id}");
        Assert.Null(details.QuerySelector("[data-testid=upload-form]"));
        var response = await researcher.UploadWithTokenAsync($"/Beneficiaries/Details/{id}?handler=Upload", "upload", "a.pdf", Pdf);

        await Forbidden.AssertAsync(response);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Another_tenants_officer_gets_404_for_download_and_upload()
    {
        var (owner, officer, id) = await BeneficiaryAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(officer, id, "a.pdf", Pdf)).StatusCode);
        var fileId = await factory.QueryAsync(owner.Id, db => db.StoredFiles.Select(f => f.Id).SingleAsync());
        var other = await factory.CreateTenantAsync();
        var intruder = await factory.SignInAsync(other.User(StaffRoles.RelationsOfficer).Email);

        await TenantLeak.AssertGetNotFoundAsync(intruder, $"/Files/Download/{fileId}");
        var response = await intruder.UploadWithTokenAsync($"/Beneficiaries/Details/{id}?handler=Upload", "upload", "b.pdf", Pdf);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(owner.Id, db => db.StoredFiles.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(other.Id, db => db.StoredFiles.CountAsync()));
    }
}
