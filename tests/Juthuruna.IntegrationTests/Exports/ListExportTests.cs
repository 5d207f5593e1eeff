using System.Net;
using System.Text;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Exports;

/// <summary>Exports of the lists beyond the requests list (issue 16), and who may export at all.</summary>
public sealed class ListExportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Beneficiaries_export_holds_every_file_the_search_selects_beyond_the_first_page()
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var files = BeneficiaryQueries.PageSize + 3;
        for (var i = 0; i < files; i++)
        {
            var fields = TestBeneficiaries.Fields(i % 2 == 0 ? "هالة" : "منى");
            // Different people: the desk form asks for a confirmation when a new file looks like an existing one.
            fields["Input.Mobile"] = $"05512340{i:00}";
            fields["Input.BirthDate"] = $"19{60 + i}-0{1 + (i % 9)}-1{i % 10}";
            fields["Input.FatherName"] = i % 3 == 0 ? "سالم" : i % 3 == 1 ? "خالد" : "ناصر";
            await TestBeneficiaries.CreateAsync(officer, fields);
        }

        var all = Encoding.UTF8.GetString(await officer.Http.GetByteArrayAsync("/Beneficiaries?handler=Export&format=Csv"));
        var halas = Encoding.UTF8.GetString(await officer.Http.GetByteArrayAsync($"/Beneficiaries?handler=Export&format=Csv&q={Uri.EscapeDataString("هالة")}"));

        var lines = all.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"رقم الملف\",\"الاسم\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(files, lines.Length - 1);
        Assert.Equal(files, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        Assert.Equal((files + 1) / 2, halas.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.All(halas.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.Contains("هالة", l, StringComparison.Ordinal));
        var audit = await factory.QueryAsync(tenant.Id, db => db.AuditEntries.Where(a => a.Action == AuditAction.Exported && a.EntityType == "BeneficiaryList").CountAsync());
        Assert.Equal(2, audit);
    }

    [Theory]
    [InlineData(StaffRoles.SocialResearcher)]
    [InlineData(StaffRoles.CommitteeMember)]
    public async Task Roles_that_read_lists_row_by_row_get_no_export_button_and_403_on_the_export(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        foreach (var list in new[] { "/Requests", "/Beneficiaries" })
        {
            var page = await user.GetDocumentAsync(list);
            Assert.Null(page.QuerySelector("[data-testid=export-xlsx]"));
            Assert.Null(page.QuerySelector("[data-testid=export-csv]"));
            Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync($"{list}?handler=Export&format=Xlsx")).StatusCode);
        }

        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }

    [Fact]
    public async Task Contacts_log_pages_by_keyset_both_ways_and_exports_every_filtered_contact()
    {
        var tenant = await factory.CreateTenantAsync();
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var total = ContactQueries.PageSize + 4;
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var staff = tenant.User(StaffRoles.RelationsOfficer).Id;
            var start = new DateTime(2026, 4, 1, 7, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < total; i++)
            {
                db.Contacts.Add(new Contact
                {
                    Channel = i % 2 == 0 ? ContactChannel.Phone : ContactChannel.SocialMedia,
                    Direction = ContactDirection.Incoming,
                    Type = ContactType.Inquiry,
                    Summary = $"استفسار رقم {i}",
                    CallerName = "متصل",
                    StaffUserId = staff,
                    OccurredAtUtc = start.AddMinutes(i),
                    CreatedAtUtc = start.AddMinutes(i),
                    IdempotencyKey = Guid.NewGuid(),
                });
            }

            await db.SaveChangesAsync();
            return 0;
        });
        static List<string> Summaries(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("[data-testid=contacts] tbody tr").Select(r => r.Children[4].TextContent.Trim()).ToList();

        var first = await officer.GetDocumentAsync("/Contacts");
        var second = await officer.GetDocumentAsync("/Contacts" + first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href"));
        var back = await officer.GetDocumentAsync("/Contacts" + second.QuerySelector("[data-testid=previous-page]")!.GetAttribute("href"));
        var phones = Encoding.UTF8.GetString(await officer.Http.GetByteArrayAsync("/Contacts?handler=Export&format=Csv&channel=Phone"));

        var newestFirst = Enumerable.Range(0, total).Reverse().Select(i => $"استفسار رقم {i}").ToList();
        Assert.Equal(newestFirst.Take(ContactQueries.PageSize), Summaries(first));
        Assert.Equal(newestFirst.Skip(ContactQueries.PageSize), Summaries(second));
        Assert.Equal(Summaries(first), Summaries(back));
        var lines = phones.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((total + 1) / 2, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains("الاتصالات الهاتفية", l, StringComparison.Ordinal));
    }
}
