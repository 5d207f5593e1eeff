using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Requests;

/// <summary>The requests list of issue 16: every state, filters, search, keyset pages and the CSV export.</summary>
public sealed class RequestListTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Rows = "[data-testid=queue] tbody tr";

    private sealed record Desk(TestTenant Tenant, StaffClient Officer, Guid BeneficiaryId, Guid ServiceId, string IdentityNumber);

    private async Task<Desk> DeskAsync(string firstName = "أحمد")
    {
        var tenant = await factory.CreateTenantAsync();
        var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var fields = TestBeneficiaries.Fields(firstName);
        var beneficiaryId = await TestBeneficiaries.CreateAsync(officer, fields);
        var serviceId = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var service = new SupportService { Code = "FOOD", NameAr = "سلة غذائية", NameEn = "Food basket" };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });
        return new Desk(tenant, officer, beneficiaryId, serviceId, fields["Input.IdentityNumber"]);
    }

    /// <summary>
    /// <paramref name="count"/> draft requests of the desk's file, opened one minute apart from 1 March 2026 (Riyadh
    /// mornings), in number order; returns their numbers, oldest first.
    /// </summary>
    private Task<List<string>> OpenManyAsync(Desk desk, int count, Guid? beneficiaryId = null) =>
        factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            var commands = sp.GetRequiredService<RequestCommands>();
            var officer = TestRequests.Actor(desk.Tenant, StaffRoles.RelationsOfficer);
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                var created = await commands.CreateAsync(
                    new NewSupportRequest(beneficiaryId ?? desk.BeneficiaryId, desk.ServiceId, null, Features.Contacts.ContactChannel.Phone, $"طلب رقم {i}", "500", Guid.NewGuid()),
                    officer, CancellationToken.None);
                ids.Add(created.Id!.Value);
            }

            var db = sp.GetRequiredService<AppDbContext>();
            var start = new DateTime(2026, 3, 1, 6, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                var at = start.AddMinutes(i);
                await db.SupportRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAtUtc, at).SetProperty(r => r.UpdatedAtUtc, at));
            }

            return await db.SupportRequests.Where(r => ids.Contains(r.Id)).OrderBy(r => r.CreatedAtUtc).Select(r => r.Number).ToListAsync();
        });

    private Task<int> CloseAsync(Desk desk, IEnumerable<string> numbers)
    {
        var list = numbers.ToList();
        return factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.SupportRequests.Where(r => list.Contains(r.Number))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RequestState.Closed).SetProperty(r => r.QueueOrder, (DateOnly?)null));
            return 0;
        });
    }

    private static List<string> NumbersOn(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(Rows).Select(r => r.GetAttribute("data-number")!).ToList();

    [Fact]
    public async Task Every_state_list_pages_by_keyset_forward_and_back_without_losing_or_repeating_a_request()
    {
        var desk = await DeskAsync();
        var numbers = await OpenManyAsync(desk, RequestList.PageSize + 12);
        await CloseAsync(desk, numbers.Take(7));
        var newestFirst = Enumerable.Reverse(numbers).ToList();

        var first = await desk.Officer.GetDocumentAsync("/Requests?Scope=All");
        var second = await desk.Officer.GetDocumentAsync(first.QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!);
        var back = await desk.Officer.GetDocumentAsync(second.QuerySelector("[data-testid=previous-page]")!.GetAttribute("href")!);

        Assert.Equal(newestFirst.Take(RequestList.PageSize), NumbersOn(first));
        Assert.Equal(newestFirst.Skip(RequestList.PageSize), NumbersOn(second));
        Assert.Null(second.QuerySelector("[data-testid=next-page]"));
        Assert.Equal(NumbersOn(first), NumbersOn(back));
        Assert.Null(first.QuerySelector("[data-testid=previous-page]"));
        // The open queue (the default view) leaves the closed ones out; the closed state lists only them.
        Assert.Equal(RequestList.PageSize, NumbersOn(await desk.Officer.GetDocumentAsync("/Requests")).Count);
        Assert.Equal(numbers.Count - 7 - RequestList.PageSize, NumbersOn(await desk.Officer.GetDocumentAsync(
            (await desk.Officer.GetDocumentAsync("/Requests")).QuerySelector("[data-testid=next-page]")!.GetAttribute("href")!)).Count);
        Assert.Equal(numbers.Take(7).Order(), NumbersOn(await desk.Officer.GetDocumentAsync("/Requests?State=Closed")).Order());
    }

    [Fact]
    public async Task Search_box_finds_requests_by_number_id_mobile_and_name_and_never_another_associations()
    {
        var desk = await DeskAsync(firstName: "نوال");
        var numbers = await OpenManyAsync(desk, 3);
        var fields = TestBeneficiaries.Fields("ريم");
        fields["Input.Mobile"] = "0559876543";
        var otherFile = await TestBeneficiaries.CreateAsync(desk.Officer, fields);
        var others = await OpenManyAsync(desk, 1, otherFile);
        var intruder = await DeskAsync(firstName: "نوال");
        await OpenManyAsync(intruder, 2);

        // A request number with Arabic-Indic digits and without its zero padding.
        var wanted = numbers[1];
        var sequence = int.Parse(wanted.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture);
        var arabicDigits = string.Concat(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('٠' + (c - '0'))));
        var byNumber = await desk.Officer.GetDocumentAsync($"/Requests?Q={Uri.EscapeDataString(string.Join('-', wanted.Split('-')[..2]) + "-" + arabicDigits)}");
        Assert.Equal([wanted], NumbersOn(byNumber));

        Assert.Equal(numbers.AsEnumerable().Reverse(), NumbersOn(await desk.Officer.GetDocumentAsync($"/Requests?Q={desk.IdentityNumber}")));
        Assert.Equal(others, NumbersOn(await desk.Officer.GetDocumentAsync("/Requests?Q=%2B966559876543")));
        Assert.Equal(numbers.AsEnumerable().Reverse(), NumbersOn(await desk.Officer.GetDocumentAsync($"/Requests?Q={Uri.EscapeDataString("نوال الغامدي")}")));
        Assert.Empty(NumbersOn(await desk.Officer.GetDocumentAsync($"/Requests?Q={Uri.EscapeDataString("زكريا")}")));
        // The intruder's association has a file of the same name and the same request numbers: it sees only its own.
        Assert.Equal(2, NumbersOn(await intruder.Officer.GetDocumentAsync($"/Requests?Q={Uri.EscapeDataString("نوال")}")).Count);
        Assert.Empty(NumbersOn(await intruder.Officer.GetDocumentAsync($"/Requests?Q={desk.IdentityNumber}")));
    }

    [Fact]
    public async Task Period_filter_in_hijri_or_gregorian_keeps_only_the_requests_opened_in_it()
    {
        var desk = await DeskAsync();
        var numbers = await OpenManyAsync(desk, 3);
        await factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // 1 March 2026 = 12 Ramadan 1447; the last request is moved to 20 March (1 Shawwal 1447), 02:00 Riyadh time.
            var last = numbers[^1];
            await db.SupportRequests.Where(r => r.Number == last).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAtUtc, new DateTime(2026, 3, 19, 23, 0, 0, DateTimeKind.Utc)));
            return 0;
        });

        var gregorian = await desk.Officer.GetDocumentAsync("/Requests?Calendar=Gregorian&From=2026-03-01&To=2026-03-19");
        var hijri = await desk.Officer.GetDocumentAsync($"/Requests?Calendar=Hijri&From={Uri.EscapeDataString("١٤٤٧/١٠/٠١")}&To=1447-10-01");

        Assert.Equal(numbers.Take(2).Reverse(), NumbersOn(gregorian));
        Assert.Equal([numbers[^1]], NumbersOn(hijri));
    }

    [Fact]
    public async Task Filters_with_unknown_or_another_associations_ids_or_impossible_dates_answer_400_with_a_field_message_and_no_rows()
    {
        var desk = await DeskAsync();
        await OpenManyAsync(desk, 2);
        var other = await DeskAsync();

        var foreignService = await desk.Officer.GetDocumentAsync($"/Requests?Service={other.ServiceId}", HttpStatusCode.BadRequest);
        var unknownBranch = await desk.Officer.GetDocumentAsync($"/Requests?Branch={Guid.NewGuid()}", HttpStatusCode.BadRequest);
        var badDate = await desk.Officer.GetDocumentAsync("/Requests?Calendar=Gregorian&From=2026-02-30", HttpStatusCode.BadRequest);
        var badState = await desk.Officer.GetDocumentAsync("/Requests?State=Nonsense", HttpStatusCode.BadRequest);
        var longSearch = await desk.Officer.GetDocumentAsync($"/Requests?Q={new string('ا', RequestListFilter.MaxSearch + 1)}", HttpStatusCode.BadRequest);
        var export = await desk.Officer.Http.GetAsync($"/Requests?handler=Export&Service={other.ServiceId}");

        Assert.Equal("هذه الخدمة غير موجودة في الجمعية.", foreignService.QuerySelector("[data-valmsg-for=Service]")!.TextContent.Trim());
        Assert.Equal("هذا المكتب غير موجود في الجمعية.", unknownBranch.QuerySelector("[data-valmsg-for=Branch]")!.TextContent.Trim());
        Assert.NotEmpty(badDate.QuerySelector("[data-valmsg-for=From]")!.TextContent.Trim());
        Assert.Empty(NumbersOn(badState));
        Assert.Equal("100 حرف على الأكثر.", longSearch.QuerySelector("[data-valmsg-for=Q]")!.TextContent.Trim());
        foreach (var page in new[] { foreignService, unknownBranch, badDate, longSearch })
        {
            Assert.Empty(NumbersOn(page));
        }

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
    }

    [Fact]
    public async Task Csv_export_holds_exactly_the_filtered_rows_for_excel_with_formulas_neutralised_and_is_audited()
    {
        var desk = await DeskAsync();
        var numbers = await OpenManyAsync(desk, RequestList.PageSize + 5);
        await CloseAsync(desk, numbers.Take(2));
        await factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            // A name imported from elsewhere that a spreadsheet would run as a formula.
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Beneficiaries.Where(b => b.Id == desk.BeneficiaryId).ExecuteUpdateAsync(u => u.SetProperty(b => b.FirstName, "=HYPERLINK(\"http://x\")"));
            return 0;
        });

        var response = await desk.Officer.Http.GetAsync("/Requests?handler=Export&format=Csv&Scope=All");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"رقم الطلب\",\"الحالة\",\"المستفيد\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(numbers.Count, lines.Length - 1);
        Assert.Equal(Enumerable.Reverse(numbers), lines.Skip(1).Select(l => l.Split(',')[0].Trim('"')));
        Assert.All(lines.Skip(1), l => Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")", l, StringComparison.Ordinal));
        Assert.Contains("\"مغلق\"", lines[^1], StringComparison.Ordinal);

        var closedOnly = Encoding.UTF8.GetString(await desk.Officer.Http.GetByteArrayAsync("/Requests?handler=Export&format=Csv&State=Closed"));
        Assert.Equal(3, closedOnly.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var audit = await factory.QueryAsync(desk.Tenant.Id, db => db.AuditEntries.Where(a => a.Action == AuditAction.Exported).OrderBy(a => a.AtUtc).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(desk.Tenant.User(StaffRoles.RelationsOfficer).Id.ToString(), a.UserId));
        Assert.Contains($"{numbers.Count}", audit[0].Changes!, StringComparison.Ordinal);
        Assert.Contains("Closed", audit[1].Changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_export_is_a_right_to_left_sheet_with_a_frozen_header_amounts_as_numbers_and_formulas_kept_as_text()
    {
        var desk = await DeskAsync();
        var numbers = await OpenManyAsync(desk, 3);
        await factory.InTenantAsync(desk.Tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Beneficiaries.Where(b => b.Id == desk.BeneficiaryId).ExecuteUpdateAsync(u => u.SetProperty(b => b.FirstName, "=1+2"));
            return 0;
        });

        var response = await desk.Officer.Http.GetAsync("/Requests?handler=Export&format=Xlsx&Scope=All");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx\"", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheetPart = document.WorkbookPart!.WorksheetParts.Single();
        var view = sheetPart.Worksheet.Descendants<SheetView>().Single();
        var rows = sheetPart.Worksheet.Descendants<Row>().ToList();
        string TextOf(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

        Assert.True(view.RightToLeft!.Value);
        Assert.Equal(PaneStateValues.Frozen, view.Descendants<Pane>().Single().State!.Value);
        Assert.Equal("رقم الطلب", TextOf(rows[0].Elements<Cell>().First()));
        Assert.Equal(numbers.Count + 1, rows.Count);
        Assert.Equal(Enumerable.Reverse(numbers), rows.Skip(1).Select(r => TextOf(r.Elements<Cell>().First())));
        var amount = rows[1].Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('H'));
        Assert.Null(amount.DataType); // a number cell
        Assert.Equal("500.00", amount.CellValue!.Text);
        var name = rows[1].Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('C'));
        Assert.Equal(CellValues.InlineString, name.DataType!.Value);
        Assert.Null(name.CellFormula);
        Assert.StartsWith("=1+2 ", TextOf(name), StringComparison.Ordinal);
    }
}
