using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Letters;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Admin;

/// <summary>The administrator's letterhead page: details, logo, and the preview letters printed with real Chromium.</summary>
[Collection(SharedApp.Requests)]
public sealed class LetterheadTests(AppFactory factory)
{
    private const string Page = "/Admin/Letterhead";
    private const string DetailsForm = "form[data-testid=letterhead-form]";
    private const string LogoForm = "form[data-testid=logo-form]";

    private static string PreviewUrl(LetterKind kind, string language) => $"{Page}?handler=Preview&kind={kind}&language={language}";

    [Fact]
    public async Task Letterhead_saved_details_are_printed_on_the_preview_letter()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var saved = await admin.SubmitFormAsync(Page, DetailsForm, new Dictionary<string, string>
        {
            ["Input.NameAr"] = "  جمعية البر الأهلية بجدة ",
            ["Input.NameEn"] = "Al-Birr Charity Association, Jeddah",
            ["Input.LicenceNumber"] = "٤٥٦٧",
            ["Input.Phone"] = "٠١٢ ٦٦٥ ٤٣٢١",
            ["Input.Email"] = "contact@albirr.org.sa",
            ["Input.City"] = "جدة",
            ["Input.Address"] = "حي الصفا، شارع الأمير متعب",
            ["Input.SignatoryName"] = "فهد سعد القحطاني",
            ["Input.SignatoryTitle"] = "رئيس مجلس الإدارة",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id)
            .Select(t => new { t.NameAr, t.LicenceNumber, t.Phone, t.Settings.LetterSignatoryName }).SingleAsync());
        Assert.Equal(("جمعية البر الأهلية بجدة", "4567", "0126654321", "فهد سعد القحطاني"), (stored.NameAr, stored.LicenceNumber, stored.Phone, stored.LetterSignatoryName));

        var response = await admin.Http.GetAsync(PreviewUrl(LetterKind.Receipt, "ar"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        PdfText.AssertInOrder(text, "جمعية البر الأهلية بجدة", "ترخيص رقم", "4567");
        PdfText.AssertInOrder(text, "رئيس مجلس الإدارة", "فهد سعد القحطاني");
        // The footer line mixes two LTR runs in an RTL line: pdftotext may give them in either order.
        PdfText.AssertInOrder(text, "حي الصفا", "الهاتف");
        Assert.Contains("0126654321", text, StringComparison.Ordinal);
        Assert.Contains("contact@albirr.org.sa", text, StringComparison.Ordinal);

        var english = await PdfText.ExtractAsync(await admin.Http.GetByteArrayAsync(PreviewUrl(LetterKind.Receipt, "en")));
        Assert.Contains("Al-Birr Charity Association, Jeddah", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letterhead_preview_lists_exactly_the_kinds_that_have_a_template_and_refuses_others()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var withTemplate = await factory.InTenantAsync(tenant.Id, sp =>
            Task.FromResult(sp.GetServices<LetterTemplate>().Select(t => t.Kind.ToString()).Order().ToList()));

        var page = await admin.GetDocumentAsync(Page);

        var listed = page.QuerySelectorAll("[data-testid=previews] [data-kind]").Select(e => e.GetAttribute("data-kind")!).Order().ToList();
        Assert.Equal(withTemplate, listed);
        Assert.Contains("إشعار استلام طلب", page.QuerySelector("[data-testid=previews] [data-kind=Receipt]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync(PreviewUrl(LetterKind.Receipt, "fr"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{Page}?handler=Preview&kind=99&language=ar")).StatusCode);
    }

    [Theory]
    [InlineData("12345", "contact@albirr.org.sa", "Input.Phone")]
    [InlineData("0126654321", "not-an-email", "Input.Email")]
    [InlineData("0126654321", "contact@albirr.org.sa", "Input.NameAr")]
    public async Task Letterhead_invalid_details_come_back_as_typed_with_the_error_beside_the_field(string phone, string email, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var nameAr = field == "Input.NameAr" ? "   " : "جمعية البر";

        var response = await admin.SubmitFormAsync(Page, DetailsForm, new Dictionary<string, string>
        {
            ["Input.NameAr"] = nameAr,
            ["Input.Phone"] = phone,
            ["Input.Email"] = email,
            ["Input.SignatoryTitle"] = "رئيس مجلس الإدارة",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Matches("[\\u0600-\\u06FF]", page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        Assert.Equal(nameAr, page.QuerySelector<IHtmlInputElement>("[name='Input.NameAr']")!.Value);
        Assert.Equal(phone, page.QuerySelector<IHtmlInputElement>("[name='Input.Phone']")!.Value);
        Assert.Equal(email, page.QuerySelector<IHtmlInputElement>("[name='Input.Email']")!.Value);
        Assert.Equal("رئيس مجلس الإدارة", page.QuerySelector<IHtmlInputElement>("[name='Input.SignatoryTitle']")!.Value);
        var stored = await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => new { t.NameAr, t.Phone, t.Settings.LetterSignatoryTitle }).SingleAsync());
        Assert.Equal(($"جمعية {tenant.Slug}", "0556766873", ""), (stored.NameAr, stored.Phone, stored.LetterSignatoryTitle));
    }

    [Fact]
    public async Task Letterhead_stale_edit_is_refused_keeps_what_was_typed_and_saves_once_reviewed()
    {
        var tenant = await factory.CreateTenantAsync();
        using var first = await factory.SignInAsync(tenant.Admin.Email);
        using var second = await factory.SignInAsync(tenant.Admin.Email);
        var secondForm = (await second.GetDocumentAsync(Page)).QuerySelector<IHtmlFormElement>(DetailsForm)!;

        var firstSave = await first.SubmitFormAsync(Page, DetailsForm, new Dictionary<string, string> { ["Input.NameAr"] = "جمعية البر الأهلية" });
        var stale = await second.SubmitAsync(secondForm, Page, new Dictionary<string, string> { ["Input.City"] = "مكة المكرمة" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await StaffClient.ParseAsync(stale);
        Assert.Contains("عدّل مستخدم آخر الترويسة", page.QuerySelector("[data-testid=letterhead-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("مكة المكرمة", page.QuerySelector<IHtmlInputElement>("[name='Input.City']")!.Value);
        // The other administrator's name is shown under the field where it differs from the stale form's.
        Assert.Contains("جمعية البر الأهلية", page.QuerySelector("[data-testid=saved-value]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("جمعية البر الأهلية", "جدة"), await NameAndCityAsync(tenant));

        // Having seen the saved values, saving the reviewed form again goes through.
        var reviewed = await second.SubmitAsync(page.QuerySelector<IHtmlFormElement>(DetailsForm)!, Page, new Dictionary<string, string> { ["Input.NameAr"] = "جمعية البر الأهلية" });

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Equal(("جمعية البر الأهلية", "مكة المكرمة"), await NameAndCityAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_same_form_posted_twice_is_one_save_not_a_conflict()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var form = (await admin.GetDocumentAsync(Page)).QuerySelector<IHtmlFormElement>(DetailsForm)!;
        var fields = new Dictionary<string, string> { ["Input.NameAr"] = "جمعية البر الأهلية", ["Input.Phone"] = "+966 12 665 4321" };

        var first = await admin.SubmitAsync(form, Page, fields);
        var second = await admin.SubmitAsync(form, Page, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(("جمعية البر الأهلية", "جدة"), await NameAndCityAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_stale_edit_through_the_service_changes_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var loaded = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterheadSettings>().GetAsync(CancellationToken.None));
        var form = new LetterheadForm("جمعية أ", "Association A", null, "جدة", null, null, null, null, null);

        var saved = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterheadSettings>().UpdateAsync(form, loaded.Version, CancellationToken.None));
        var again = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterheadSettings>().UpdateAsync(form with { NameAr = "جمعية ب" }, loaded.Version, CancellationToken.None));

        Assert.Empty(saved);
        Assert.Equal("", Assert.Single(again).Field);
        Assert.Equal(("جمعية أ", "جدة"), await NameAndCityAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_png_logo_is_shown_served_and_printed_on_the_preview_then_removed()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var png = TestPng.Create(120, 60);
        Assert.Equal(0, await ImageCountAsync(await admin.Http.GetByteArrayAsync(PreviewUrl(LetterKind.Receipt, "ar"))));

        var upload = await admin.UploadAsync(Page, LogoForm, "logo", "شعار.png", png, "image/png");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = await admin.GetDocumentAsync(Page);
        Assert.NotNull(page.QuerySelector("img[data-testid=logo]"));
        var served = await admin.Http.GetAsync($"{Page}?handler=Logo");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await served.Content.ReadAsByteArrayAsync());
        var preview = await admin.Http.GetByteArrayAsync(PreviewUrl(LetterKind.Receipt, "ar"));
        Assert.Equal(1, await ImageCountAsync(preview));

        var removed = await admin.SubmitFormAsync(Page, "form[data-testid=remove-logo-form]", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{Page}?handler=Logo")).StatusCode);
        Assert.NotNull((await admin.GetDocumentAsync(Page)).QuerySelector("[data-testid=no-logo]"));
    }

    [Fact]
    public async Task Letterhead_jpeg_logo_is_accepted_by_its_content()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        // A real JPEG (the logo is decoded to be measured), named without an extension.
        using var bitmap = new SkiaSharp.SKBitmap(40, 20);
        bitmap.Erase(SkiaSharp.SKColors.DarkGreen);
        var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();

        var upload = await admin.UploadAsync(Page, LogoForm, "logo", "logo", jpeg, "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal("image/jpeg", await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.LogoContentType).SingleAsync()));
    }

    [Fact]
    public async Task Letterhead_text_file_named_png_is_refused_with_a_clear_message_and_the_logo_kept()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var png = TestPng.Create(40, 40);
        await admin.UploadAsync(Page, LogoForm, "logo", "logo.png", png, "image/png");

        var response = await admin.UploadAsync(Page, LogoForm, "logo", "disguised.png", Encoding.UTF8.GetBytes("This is plain text, not an image."), "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Logo']")!.TextContent;
        Assert.Contains("disguised.png", message, StringComparison.Ordinal);
        Assert.Contains("ليس صورة بصيغة PNG أو JPEG", message, StringComparison.Ordinal);
        Assert.Equal(png, await LogoAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_logo_over_256_KB_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var png = TestPng.Create(40, 40);
        var large = new byte[LetterheadSettings.MaxLogoBytes + 1];
        png.CopyTo(large, 0);

        var response = await admin.UploadAsync(Page, LogoForm, "logo", "large.png", large, "image/png");
        var exactly = await admin.UploadAsync(Page, LogoForm, "logo", "exact.png", large[..LetterheadSettings.MaxLogoBytes], "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("256", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Logo']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, exactly.StatusCode);
        Assert.Equal(LetterheadSettings.MaxLogoBytes, (await LogoAsync(tenant))!.Length);
    }

    [Fact]
    public async Task Letterhead_logo_larger_than_a_letterhead_needs_is_stored_scaled_down()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var big = TestPng.Create(2400, 1200);

        var upload = await admin.UploadAsync(Page, LogoForm, "logo", "big.png", big, "image/png");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        using var stored = SkiaSharp.SKBitmap.Decode((await LogoAsync(tenant))!);
        Assert.Equal((LetterheadSettings.LogoLongSide, LetterheadSettings.LogoLongSide / 2), (stored.Width, stored.Height));
        Assert.Equal("image/png", await factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.LogoContentType).SingleAsync()));
    }

    [Fact]
    public async Task Letterhead_logo_of_absurd_dimensions_is_refused_and_the_logo_kept()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var png = TestPng.Create(50, 20);
        await admin.UploadAsync(Page, LogoForm, "logo", "logo.png", png, "image/png");

        // A few hundred bytes that claim 12000 × 12000 pixels (144 million): refused from the header, never decoded.
        var response = await admin.UploadAsync(Page, LogoForm, "logo", "huge.png", TestPng.Claiming(12000, 12000), "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Logo']")!.TextContent;
        Assert.Contains("12000", message, StringComparison.Ordinal);
        Assert.Contains("40 مليون بكسل", message, StringComparison.Ordinal);
        Assert.Equal(png, await LogoAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_empty_logo_file_is_refused_as_empty()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.UploadAsync(Page, LogoForm, "logo", "logo.png", [], "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("الملف المختار فارغ", (await StaffClient.ParseAsync(response)).QuerySelector("[data-valmsg-for='Logo']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await LogoAsync(tenant));
    }

    [Fact]
    public async Task Letterhead_logo_of_each_association_is_served_only_to_its_own_staff()
    {
        var first = await factory.CreateTenantAsync();
        var second = await factory.CreateTenantAsync();
        using var firstAdmin = await factory.SignInAsync(first.Admin.Email);
        using var secondAdmin = await factory.SignInAsync(second.Admin.Email);
        var firstLogo = TestPng.Create(50, 20);
        await firstAdmin.UploadAsync(Page, LogoForm, "logo", "first.png", firstLogo, "image/png");

        Assert.Equal(HttpStatusCode.NotFound, (await secondAdmin.Http.GetAsync($"{Page}?handler=Logo")).StatusCode);
        Assert.Null((await secondAdmin.GetDocumentAsync(Page)).QuerySelector("img[data-testid=logo]"));

        var secondLogo = TestPng.Create(20, 50);
        await secondAdmin.UploadAsync(Page, LogoForm, "logo", "second.png", secondLogo, "image/png");

        Assert.Equal(secondLogo, await secondAdmin.Http.GetByteArrayAsync($"{Page}?handler=Logo"));
        Assert.Equal(firstLogo, await firstAdmin.Http.GetByteArrayAsync($"{Page}?handler=Logo"));
        Assert.Equal(firstLogo, await LogoAsync(first));
    }

    public static TheoryData<string> OtherRoles => new(StaffRoles.AssociationRoles.Where(r => r != StaffRoles.TenantAdmin));

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Letterhead_page_and_its_handlers_are_forbidden_to_other_roles(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = await factory.SignInAsync(tenant.User(role).Email);

        foreach (var url in new[] { Page, $"{Page}?handler=Logo", PreviewUrl(LetterKind.Receipt, "ar") })
        {
            await Forbidden.AssertAsync(await client.Http.GetAsync(url));
        }

        await Forbidden.AssertAsync(await client.PostWithTokenAsync(Page, new Dictionary<string, string> { ["Input.NameAr"] = "مخترق", ["Input.NameEn"] = "x" }));
        await Forbidden.AssertAsync(await client.UploadWithTokenAsync($"{Page}?handler=Logo", "logo", "x.png", TestPng.Create(10, 10)));
        await Forbidden.AssertAsync(await client.PostWithTokenAsync($"{Page}?handler=RemoveLogo"));
        Assert.Equal(($"جمعية {tenant.Slug}", "جدة"), await NameAndCityAsync(tenant));
        Assert.Null(await LogoAsync(tenant));
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("a[href='/Admin/Letterhead']"));
    }

    [Fact]
    public async Task Letterhead_preview_without_chromium_says_so_on_the_page()
    {
        var tenant = await factory.CreateTenantAsync();
        using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Letters:ChromiumPath", "/nonexistent/chromium"));
        using var admin = new StaffClient(broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(tenant.Admin.Email, AppFactory.Password)).StatusCode);

        var response = await admin.Http.GetAsync(PreviewUrl(LetterKind.Receipt, "ar"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("غير مثبّت على الخادم", page.QuerySelector("[data-testid=preview-error]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(DetailsForm));
    }

    [Fact]
    public async Task Letterhead_preview_that_cannot_print_in_time_answers_503_try_again_on_the_page_not_500()
    {
        var tenant = await factory.CreateTenantAsync();
        // One print slot, held by "another letter" for the whole test, and a one-second print deadline: the preview
        // waits for the slot until its deadline passes — what a printer stuck behind slow letters does.
        using var slow = factory.WithWebHostBuilder(b => b.UseSetting("Letters:MaxConcurrency", "1").UseSetting("Letters:TimeoutSeconds", "1"));
        using var admin = new StaffClient(slow.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(tenant.Admin.Email, AppFactory.Password)).StatusCode);
        var renderer = slow.Services.GetRequiredService<Juthuruna.Pdf.PdfRenderer>();

        HttpResponseMessage response;
        using (await renderer.HoldSlotAsync(CancellationToken.None))
        {
            response = await admin.Http.GetAsync(PreviewUrl(LetterKind.Receipt, "ar"));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("يُرجى المحاولة بعد لحظات", page.QuerySelector("[data-testid=preview-error]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(DetailsForm));
    }

    private Task<(string NameAr, string? City)> NameAndCityAsync(TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, async db =>
        {
            var row = await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => new { t.NameAr, t.City }).SingleAsync();
            return (row.NameAr, row.City);
        });

    private Task<byte[]?> LogoAsync(TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, db => db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.Logo).SingleAsync());

    /// <summary>Raster images in the PDF (pdfimages -list: two header lines, then one line per image); the QR code is vector.</summary>
    private static async Task<int> ImageCountAsync(byte[] pdf)
    {
        var file = PdfText.WriteTemp(pdf);
        try
        {
            var list = await PdfText.RunAsync("pdfimages", "-list", file);
            return list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Count(line => line.Contains("image", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A real PNG (8-bit RGB, a two-colour pattern) of any size, so that Chromium draws it and pdfimages finds it.</summary>
internal static class TestPng
{
    public static byte[] Create(int width, int height)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3));
            for (var x = 0; x < width; x++)
            {
                var green = (x / 10 + y / 10) % 2 == 0;
                raw[row + 1 + (x * 3)] = green ? (byte)0x1B : (byte)0xF5;
                raw[row + 2 + (x * 3)] = green ? (byte)0x6B : (byte)0xF0;
                raw[row + 3 + (x * 3)] = green ? (byte)0x3A : (byte)0xE1;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> with one row of image data behind it.</summary>
    public static byte[] Claiming(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[1 + (width * 3)]);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
