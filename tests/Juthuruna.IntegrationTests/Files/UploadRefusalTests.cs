using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.IntegrationTests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Files;

/// <summary>
/// Every refused upload — too large (even far over the limit), empty, or not the type it claims — is answered with
/// its Arabic message beside the field, the typed form kept, and nothing recorded; and the stored name of an
/// accepted file is only what is safe to show.
/// </summary>
public sealed class UploadRefusalTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string TooLarge = "حجم الملف أكبر من المسموح (10 ميجابايت)";
    private const string Empty = "الملف المختار فارغ";
    private const int Megabyte = 1024 * 1024;

    /// <summary>Just over <paramref name="megabytes"/> MB (an "11 MB" file on a phone is a little more than 11 × 2^20 bytes).</summary>
    private static byte[] PdfOf(int megabytes) => Pdf((megabytes * Megabyte) + (64 * 1024));

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static string DocumentForm(Guid typeId) => $"form[data-testid=document-form]:has(input[value='{typeId}'])";

    private static Dictionary<string, string> TypedCheck() => new()
    {
        ["Document.Found"] = "Matched",
        ["Document.SeenInOriginal"] = "true",
        ["Document.Calendar"] = "Gregorian",
        ["Document.IssueDate"] = "01/01/2025",
        ["Document.Note"] = "صورة واضحة",
    };

    private async Task<(TestTenant Tenant, PortalArrange.Tracked Request, StaffClient Officer)> ReturnedAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        return (tenant, request, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(30)]
    public async Task DocumentCheck_copy_over_the_limit_is_refused_beside_the_field_with_the_form_kept_and_nothing_recorded(int megabytes)
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;

        var response = await officer.UploadAsync($"/Requests/{request.RequestId}/Documents", DocumentForm(request.DocumentTypeId), "Document.Upload",
            "عقد.pdf", PdfOf(megabytes), "application/pdf", TypedCheck());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains(TooLarge, page.QuerySelector("[data-valmsg-for='Document.Upload']")!.TextContent, StringComparison.Ordinal);
        var form = page.QuerySelector(DocumentForm(request.DocumentTypeId))!;
        Assert.Equal("صورة واضحة", form.QuerySelector<IHtmlInputElement>("input[name='Document.Note']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task DocumentCheck_body_over_the_server_limit_gets_the_413_page_with_the_size_message_and_nothing_recorded()
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;

        var response = await officer.UploadAsync($"/Requests/{request.RequestId}/Documents", DocumentForm(request.DocumentTypeId), "Document.Upload",
            "عقد.pdf", Pdf(45 * Megabyte), "application/pdf", TypedCheck());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("413", page.QuerySelector("[data-testid=error-code]")!.TextContent);
        Assert.Contains(TooLarge, page.QuerySelector("[data-testid=error-text]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("بياناتك محفوظة", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.CountAsync()));
    }

    [Fact]
    public async Task DocumentCheck_empty_copy_is_refused_as_empty_and_nothing_recorded()
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;

        var response = await officer.UploadAsync($"/Requests/{request.RequestId}/Documents", DocumentForm(request.DocumentTypeId), "Document.Upload",
            "عقد.pdf", [], "application/pdf", TypedCheck());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Empty, (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Document.Upload']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.CountAsync()));
    }

    [Fact]
    public async Task DocumentCheck_disguised_copy_is_refused_and_nothing_recorded()
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;

        var response = await officer.UploadAsync($"/Requests/{request.RequestId}/Documents", DocumentForm(request.DocumentTypeId), "Document.Upload",
            "عقد.pdf", "MZ\u0090\u0000 a program"u8.ToArray(), "application/pdf", TypedCheck());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PDF", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Document.Upload']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task DocumentCheck_copy_named_with_bidi_controls_is_stored_under_a_safe_name_with_the_detected_extension()
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;

        var response = await officer.UploadAsync($"/Requests/{request.RequestId}/Documents", DocumentForm(request.DocumentTypeId), "Document.Upload",
            "../report\u202Egpj.exe", Pdf(100), "application/octet-stream", TypedCheck());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = await factory.QueryAsync(tenant.Id, db => db.StoredFiles.SingleAsync());
        Assert.Equal("reportgpj.pdf", file.OriginalName);
        var check = await factory.QueryAsync(tenant.Id, db => db.DocumentChecks.SingleAsync());
        Assert.Equal(file.Id, check.FileId);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(30)]
    public async Task Portal_upload_over_the_limit_is_refused_beside_the_field_and_nothing_stored(int megabytes)
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File",
            "عقد.pdf", PdfOf(megabytes), "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains(TooLarge, page.QuerySelector($"form[data-testid=upload-{request.DocumentTypeId}] [data-testid=upload-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.PortalUploads.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Portal_body_over_the_server_limit_gets_the_413_page_in_the_portal_layout()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File",
            "عقد.pdf", Pdf(45 * Megabyte), "application/pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("[data-testid=portal-home]"));
        Assert.Equal($"/t/{tenant.Slug}", page.QuerySelector("[data-testid=error-page] a.btn")!.GetAttribute("href"));
        Assert.Contains(TooLarge, page.QuerySelector("[data-testid=error-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.PortalUploads.CountAsync()));
    }

    [Fact]
    public async Task Portal_empty_file_is_refused_as_empty_not_as_no_file_chosen()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await PortalArrange.ReturnedAsync(factory, tenant);
        using var visitor = factory.CreateStaffClient();
        await PortalArrange.SignInAsync(factory, tenant, visitor, request);

        var response = await visitor.UploadAsync($"/t/{tenant.Slug}/track/request", $"form[data-testid=upload-{request.DocumentTypeId}]", "Upload.File",
            "عقد.pdf", [], "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await StaffClient.ParseAsync(response)).QuerySelector($"form[data-testid=upload-{request.DocumentTypeId}] [data-testid=upload-error]")!.TextContent;
        Assert.Contains(Empty, message, StringComparison.Ordinal);
        Assert.DoesNotContain("اختر ملفًا لرفعه", message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.PortalUploads.CountAsync()));
    }

    [Fact]
    public async Task Beneficiary_attachment_empty_is_refused_as_empty_and_a_named_one_is_shown_isolated()
    {
        var (tenant, request, officer) = await ReturnedAsync();
        using var _ = officer;
        var url = $"/Beneficiaries/Details/{request.BeneficiaryId}";

        var empty = await officer.UploadAsync(url, "form[data-testid=upload-form]", "upload", "هوية.pdf", [], "application/pdf");
        var named = await officer.UploadAsync(url, "form[data-testid=upload-form]", "upload", "scan\u202Efdp.exe", Pdf(100), "application/pdf");

        Assert.Contains(Empty, (await StaffClient.ParseAsync(empty)).QuerySelector("[data-testid=upload-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var link = (await officer.GetDocumentAsync(url)).QuerySelector("[data-testid=download-link] bdi")!;
        Assert.Equal("scanfdp.pdf", link.TextContent);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.StoredFiles.CountAsync()));
    }
}
