using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Audit;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Feedback;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Satisfaction;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Import;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Reports;

/// <summary>
/// The board's report (/Reports, issue 16 item 2): every figure against data the test writes and counts by hand, the
/// page against its .xlsx, bad periods and ids, another association's ids, who may open it, and that its maintained
/// summaries (ADR 0022) equal a rebuild from the rows. Own host: the rebuild rewrites every association's summaries.
/// </summary>
public sealed class ReportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // Hijri year 1447 runs from 26 June 2025 to 15 June 2026; the factory's today is 18 February 2026.
    private static readonly DateOnly D1 = new(2025, 9, 10);
    private static readonly DateOnly D2 = new(2025, 10, 5);
    private static readonly DateOnly D3 = new(2026, 1, 20);
    private static readonly DateOnly Before = new(2025, 5, 1); // 1446

    private sealed record World(TestTenant Tenant, Guid Branch, Guid HeadOffice, Guid Service1, Guid Service2, Guid Approved1, Guid Approved3);

    private static DateTime At(DateOnly day, int hourUtc = 9) => day.ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc);

    /// <summary>
    /// Six requests (five received in 1447, one in 1446), three decisions, one deferral, one overdue undecided request,
    /// two registrations, four deliveries (one in 1446), three survey answers (one before the year), three suggestions
    /// and complaints, five contacts (one in 1446) — written through SaveChanges, so the summaries are kept as in use.
    /// </summary>
    private async Task<World> ArrangeAsync()
    {
        var tenant = await factory.CreateTenantAsync("report");
        var officer = tenant.User(StaffRoles.RelationsOfficer).Id;
        return await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var headOffice = await db.Branches.Where(b => b.IsHeadOffice).Select(b => b.Id).SingleAsync();
            var branch = new Branch { Code = "BR9", NameAr = "مكتب الروضة", NameEn = "Al-Rawdah office" };
            var s1 = new SupportService { Code = "R1", NameAr = "مساعدة إيجار", NameEn = "Rent aid" };
            var s2 = new SupportService { Code = "R2", NameAr = "سلة غذائية", NameEn = "Food basket" };
            db.AddRange(branch, s1, s2);
            var people = Enumerable.Range(0, 3).Select(i => new Beneficiary
            {
                FileNumber = Beneficiary.FormatFileNumber(700 + i),
                IdentityType = IdentityType.NationalId,
                IdentityNumber = TestBeneficiaries.NationalIdFor(700 + i),
                FirstName = "نوف",
                FatherName = "سالم",
                GrandfatherName = "ناصر",
                FamilyName = "العتيبي",
                BirthDate = new DateOnly(1980, 1, 1),
                Nationality = "سعودية",
                Mobile = "+96655123470" + i,
                SearchKey = "نوف سالم ناصر العتيبي",
                CreatedAtUtc = At(D1),
                UpdatedAtUtc = At(D1),
            }).ToList();
            db.AddRange(people);

            var n = 0;
            SupportRequest Request(Beneficiary who, SupportService service, Guid? office, ContactChannel channel, DateOnly submitted, RequestState state,
                DateOnly? verified, DateOnly? due, DateOnly? decided)
            {
                var r = new SupportRequest
                {
                    Number = $"TST-1447-{++n:000000}",
                    HijriYear = 1447,
                    BeneficiaryId = who.Id,
                    ServiceId = service.Id,
                    BranchId = office,
                    Channel = channel,
                    Description = "طلب تجريبي للتقرير",
                    SubmittedOn = submitted,
                    VerifiedOn = verified,
                    DecisionDueOn = due,
                    DecidedOn = decided,
                    CreatedBy = officer,
                    CreatedAtUtc = At(submitted),
                    UpdatedAtUtc = At(submitted),
                    IdempotencyKey = Guid.NewGuid(),
                };
                r.State = state;
                db.SupportRequests.Add(r);
                return r;
            }

            var r1 = Request(people[0], s1, branch.Id, ContactChannel.Phone, D1, RequestState.InService, D1, D1.AddDays(10), D1.AddDays(4));
            Request(people[1], s1, headOffice, ContactChannel.InPerson, D1, RequestState.Rejected, D1, D1.AddDays(10), D1.AddDays(12));
            var r3 = Request(people[1], s2, branch.Id, ContactChannel.Website, D2, RequestState.Closed, D2, D2.AddDays(10), D2.AddDays(2));
            Request(people[2], s2, null, ContactChannel.SocialMedia, D3, RequestState.AwaitingCommittee, D3, new DateOnly(2026, 2, 15), null);
            var r5 = Request(people[2], s1, branch.Id, ContactChannel.Phone, Before, RequestState.Closed, Before, Before.AddDays(10), Before.AddDays(4));
            Request(people[0], s1, headOffice, ContactChannel.Volunteering, D3, RequestState.UnderResearch, null, null, null);
            db.RequestHistory.Add(new RequestHistory { RequestId = r3.Id, From = RequestState.AwaitingCommittee, To = RequestState.UnderResearch, Trigger = RequestTrigger.Defer, UserId = officer, AtUtc = At(D2.AddDays(1)) });
            await db.SaveChangesAsync();

            Registration Registered(SupportRequest r, DateOnly on, long halalas) => new()
            {
                RequestId = r.Id, BeneficiaryId = r.BeneficiaryId, BeneficiaryNumber = "B-" + r.Number, EligibleFrom = on, EligibleTo = on.AddMonths(6),
                ApprovedServiceIds = [r.ServiceId], ApprovedAmountHalalas = halalas, RegisteredBy = officer, RegisteredAtUtc = At(on),
            };
            ServiceDelivery Delivered(SupportRequest r, DateOnly on, long? halalas, int? quantity) => new()
            {
                RequestId = r.Id, ServiceId = r.ServiceId, AmountHalalas = halalas, Quantity = quantity, DeliveredOn = on, DeliveredBy = officer,
                ReceiptKind = ReceiptKind.Note, ReceiptNote = "تحويل بنكي", RecordedAtUtc = At(on), IdempotencyKey = Guid.NewGuid(),
            };
            db.Registrations.AddRange(Registered(r1, new DateOnly(2025, 9, 12), 500_000), Registered(r3, new DateOnly(2025, 10, 10), 120_000));
            db.ServiceDeliveries.AddRange(
                Delivered(r1, new DateOnly(2025, 9, 15), 200_000, null),
                Delivered(r1, new DateOnly(2025, 10, 25), 100_000, null),
                Delivered(r3, new DateOnly(2025, 10, 12), null, 3),
                Delivered(r5, Before.AddDays(9), 50_000, null));
            await db.SaveChangesAsync();

            SurveyResponse Answer(DateOnly month, int rating) => new()
            {
                Overall = rating, Courtesy = rating, Speed = rating, Clarity = rating, ServiceId = s1.Id, Channel = ContactChannel.Phone, BranchId = branch.Id, AnsweredMonth = month,
            };
            db.SurveyResponses.AddRange(Answer(new DateOnly(2025, 9, 1), 5), Answer(new DateOnly(2025, 9, 1), 3), Answer(new DateOnly(2025, 5, 1), 1));

            var seq = 0;
            FeedbackItem Feedback(FeedbackKind kind, FeedbackCategory category, DateOnly received, DateOnly due, DateOnly? answered) => new()
            {
                Reference = $"SC-1447-{++seq:000000}", HijriYear = 1447, Sequence = seq, Kind = kind, Category = category, Channel = ContactChannel.Website,
                Subject = "موضوع", Text = "نص", Name = "مراجع", Mobile = "+966551234599", ReceivedAtUtc = At(received), DueOn = due,
                AnsweredAtUtc = answered is { } a ? At(a) : null, Response = answered is null ? null : "تم", Status = answered is null ? FeedbackStatus.New : FeedbackStatus.Answered,
                IdempotencyKey = Guid.NewGuid(),
            };
            db.FeedbackItems.AddRange(
                Feedback(FeedbackKind.Complaint, FeedbackCategory.Delays, new DateOnly(2025, 9, 12), new DateOnly(2025, 9, 19), new DateOnly(2025, 9, 15)),
                Feedback(FeedbackKind.Suggestion, FeedbackCategory.ServiceQuality, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 8), new DateOnly(2025, 10, 20)),
                Feedback(FeedbackKind.Complaint, FeedbackCategory.Delays, new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 8), null));

            Contact Contacted(ContactChannel channel, Guid? office, DateOnly on) => new()
            {
                OccurredAtUtc = At(on), Channel = channel, Direction = ContactDirection.Incoming, Type = ContactType.Inquiry, Summary = "استفسار",
                StaffUserId = officer, BranchId = office, IdempotencyKey = Guid.NewGuid(), CreatedAtUtc = At(on),
            };
            db.Contacts.AddRange(
                Contacted(ContactChannel.Phone, branch.Id, D1), Contacted(ContactChannel.Phone, branch.Id, D1),
                Contacted(ContactChannel.SocialMedia, headOffice, D2), Contacted(ContactChannel.Volunteering, null, D3),
                Contacted(ContactChannel.Phone, branch.Id, Before));
            await db.SaveChangesAsync();
            return new World(tenant, branch.Id, headOffice, s1.Id, s2.Id, r1.Id, r3.Id);
        });
    }

    /// <summary>A table of the page: its rows' labels and their invariant values.</summary>
    private static List<(string Label, List<string> Values)> Table(IDocument page, string key) =>
        page.QuerySelectorAll($"[data-testid=table-{key}] tbody tr").Where(tr => tr.QuerySelector("th") is not null)
            .Select(tr => (tr.QuerySelector("th")!.TextContent.Trim(), tr.QuerySelectorAll("td").Select(td => td.GetAttribute("data-value") ?? "").ToList()))
            .ToList();

    private static string Figure(IDocument page, string label) =>
        Assert.Single(Table(page, "summary"), r => r.Label == label).Values[0];

    private static string Month(DateOnly day)
    {
        var h = DualDate.ToHijri(day);
        return DualDate.FormatHijriMonth(h.Year, h.Month, CultureInfo.GetCultureInfo("ar-SA"));
    }

    [Fact]
    public async Task Board_member_sees_every_figure_of_a_Hijri_year_as_counted_by_hand()
    {
        var world = await ArrangeAsync();
        using var board = await factory.SignInAsync(world.Tenant.User(StaffRoles.BoardMember).Email);

        var page = await board.GetDocumentAsync("/Reports?Period=HijriYear&Year=1447");

        Assert.Equal("5", Figure(page, "الطلبات المستلمة"));
        Assert.Equal("2", Figure(page, "الموافقات"));
        Assert.Equal("1", Figure(page, "حالات الرفض"));
        Assert.Equal("1", Figure(page, "حالات التأجيل"));
        Assert.Equal("50", Figure(page, "نسبة الموافقة (٪)"));
        Assert.Equal("25", Figure(page, "نسبة الرفض (٪)"));
        Assert.Equal("25", Figure(page, "نسبة التأجيل (٪)"));
        // Days from verification to decision: 2, 4 and 12 → median 4, 90th percentile 12 (nearest rank).
        Assert.Equal("4", Figure(page, "الأيام من التحقق إلى القرار: الوسيط"));
        Assert.Equal("12", Figure(page, "الأيام من التحقق إلى القرار: المئين التسعون"));
        // Two of three decisions on time, and one request overdue without a decision: 2 of 4.
        Assert.Equal("2", Figure(page, "البتّ خلال مدة القرار"));
        Assert.Equal("1", Figure(page, "طلبات تجاوزت المدة دون قرار"));
        Assert.Equal("50", Figure(page, "نسبة البت ضمن المدة (٪)"));
        Assert.Equal("2", Figure(page, "المستفيدون المخدومون"));
        Assert.Equal("2", Figure(page, "التسجيلات الجديدة"));
        Assert.Equal("6200", Figure(page, "المبلغ المعتمد (ريال)"));
        Assert.Equal("3000", Figure(page, "المبلغ المصروف (ريال)"));
        Assert.Equal("1", Figure(page, "التسليمات العينية"));
        Assert.Equal("2", Figure(page, "إجابات الاستبيان"));
        // (5+5+5+5 + 3+3+3+3) of 8 ratings × 5 = 32 / 40.
        Assert.Equal("80", Figure(page, "مؤشر الرضا (٪)"));
        Assert.Equal("33.3", Figure(page, "الشكاوى والمقترحات المجاب عنها في موعدها (٪)"));
        Assert.Equal("4", Figure(page, "التواصلات"));

        // Per channel: all eight channels listed, zeros included.
        var byChannel = Table(page, "received-channel");
        Assert.Equal(8, byChannel.Count);
        Assert.Equal(Expected("1", "1", "1", "0", "0", "1", "1", "0"), byChannel.Select(r => r.Values[0]).ToList());
        Assert.Equal(new[] { ("سلة غذائية", "2"), ("مساعدة إيجار", "3") }, Table(page, "received-service").Select(r => (r.Label, r.Values[0])).ToList());
        // The head office (named by provisioning), the new office and the request without one.
        var receivedByBranch = Table(page, "received-branch").ToDictionary(r => r.Label, r => r.Values[0]);
        Assert.Equal(3, receivedByBranch.Count);
        Assert.Equal("2", receivedByBranch["مكتب الروضة"]);
        Assert.Equal("1", receivedByBranch["بدون مكتب"]);
        Assert.Equal("2", receivedByBranch.Single(r => r.Key is not ("مكتب الروضة" or "بدون مكتب")).Value);
        // Hijri months: the twelve of 1447, each request in its month.
        var byMonth = Table(page, "received-month");
        Assert.Equal(12, byMonth.Count);
        Assert.Equal("2", byMonth.Single(r => r.Label == Month(D1)).Values[0]);
        Assert.Equal("1", byMonth.Single(r => r.Label == Month(D2)).Values[0]);
        Assert.Equal("2", byMonth.Single(r => r.Label == Month(D3)).Values[0]);
        Assert.Equal(5, byMonth.Sum(r => int.Parse(r.Values[0], CultureInfo.InvariantCulture)));

        var services = Table(page, "services-month");
        Assert.Equal(Expected("1", "5000", "1", "0", "0", "2000"), services.Single(r => r.Label == "مساعدة إيجار · " + Month(new DateOnly(2025, 9, 12))).Values);
        Assert.Equal(Expected("1", "1200", "1", "1", "3", "0"), services.Single(r => r.Label == "سلة غذائية · " + Month(new DateOnly(2025, 10, 10))).Values);
        Assert.Equal(Expected("0", "0", "1", "0", "0", "1000"), services.Single(r => r.Label == "مساعدة إيجار · " + Month(new DateOnly(2025, 10, 25))).Values);

        var satisfaction = Assert.Single(Table(page, "satisfaction-month"));
        Assert.Equal(Expected("2", "80"), satisfaction.Values);

        var feedback = Table(page, "feedback");
        Assert.Equal(Expected("2", "1", "1", "50"), feedback.Single(r => r.Label == "شكوى · التأخير").Values);
        Assert.Equal(Expected("1", "1", "0", "0"), feedback.Single(r => r.Label.StartsWith("اقتراح", StringComparison.Ordinal)).Values);

        Assert.Equal(Expected("0", "2", "1", "0", "0", "1", "0", "0"), Table(page, "contacts-channel").Select(r => r.Values[0]).ToList());
        var contactsByBranch = Table(page, "contacts-branch").ToDictionary(r => r.Label, r => r.Values[0]);
        Assert.Equal(3, contactsByBranch.Count);
        Assert.Equal("1", contactsByBranch["بدون مكتب"]);
        Assert.Equal("1", contactsByBranch.Single(r => r.Key is not ("مكتب الروضة" or "بدون مكتب")).Value);
        Assert.Equal("2", Table(page, "contacts-branch").Single(r => r.Label == "مكتب الروضة").Values[0]);

        // A chart beside each chartable table, named for screen readers.
        Assert.NotNull(page.QuerySelector("[data-testid=chart-received-channel][role=img][aria-label]"));
    }

    [Fact]
    public async Task Report_filtered_by_office_service_Hijri_month_or_Gregorian_range_counts_only_those()
    {
        var world = await ArrangeAsync();
        using var manager = await factory.SignInAsync(world.Tenant.User(StaffRoles.Manager).Email);

        var office = await manager.GetDocumentAsync($"/Reports?Period=HijriYear&Year=1447&Branch={world.Branch}");
        Assert.Equal("2", Figure(office, "الطلبات المستلمة"));
        Assert.Equal("2", Figure(office, "الموافقات"));
        Assert.Equal("0", Figure(office, "حالات الرفض"));
        Assert.Equal("1", Figure(office, "حالات التأجيل"));
        Assert.Equal("0", Figure(office, "طلبات تجاوزت المدة دون قرار"));
        Assert.Equal("2", Figure(office, "التواصلات"));

        var service = await manager.GetDocumentAsync($"/Reports?Period=HijriYear&Year=1447&Service={world.Service2}");
        Assert.Equal("2", Figure(service, "الطلبات المستلمة"));
        Assert.Equal("1", Figure(service, "المستفيدون المخدومون"));
        Assert.Equal("1200", Figure(service, "المبلغ المعتمد (ريال)"));

        var hijriMonth = DualDate.ToHijri(D1);
        var month = await manager.GetDocumentAsync($"/Reports?Period=HijriMonth&Year={hijriMonth.Year}&Month={hijriMonth.Month}");
        Assert.Equal("2", Figure(month, "الطلبات المستلمة"));
        Assert.Equal(new[] { (Month(D1), "2") }, Table(month, "received-month").Select(r => (r.Label, r.Values[0])).ToList());

        // Gregorian: October 2025, Arabic-Indic digits accepted; months are Gregorian.
        var october = await manager.GetDocumentAsync("/Reports?Period=GregorianRange&From=" + Uri.EscapeDataString("٠١/١٠/٢٠٢٥") + "&To=31/10/2025");
        Assert.Equal("1", Figure(october, "الطلبات المستلمة"));
        Assert.Equal("1", Figure(october, "حالات التأجيل"));
        Assert.Equal("1000", Figure(october, "المبلغ المصروف (ريال)"));
        Assert.StartsWith("أكتوبر 2025", Assert.Single(Table(october, "received-month")).Label, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_holds_the_same_numbers_as_the_page_and_is_audited()
    {
        var world = await ArrangeAsync();
        using var manager = await factory.SignInAsync(world.Tenant.User(StaffRoles.Manager).Email);
        const string query = "Period=HijriYear&Year=1447";

        var page = await manager.GetDocumentAsync("/Reports?" + query);
        var response = await manager.Http.GetAsync("/Reports?" + query + "&handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = TestWorkbook.Read(bytes);

        var tables = page.QuerySelectorAll("table[data-testid^=table-]").ToList();
        Assert.Equal(tables.Count, sheets.Count);
        var i = 0;
        foreach (var (name, rows) in sheets)
        {
            Assert.True(TestWorkbook.IsRightToLeft(bytes, name));
            var key = tables[i++].GetAttribute("data-testid")!["table-".Length..];
            var shown = Table(page, key);
            var written = rows.Skip(1).Select(r => (r["A"], Enumerable.Range(1, shown.FirstOrDefault().Values?.Count ?? 0)
                .Select(c => r.GetValueOrDefault(((char)('A' + c)).ToString(), "")).ToList())).ToList();
            Assert.Equal(shown.Count, written.Count);
            for (var j = 0; j < shown.Count; j++)
            {
                Assert.Equal(shown[j].Label, written[j].Item1);
                Assert.Equal(shown[j].Values.Select(Number), written[j].Item2.Select(Number));
            }
        }

        var audit = await factory.QueryAsync(world.Tenant.Id, db => db.AuditEntries.Where(a => a.Action == AuditAction.Exported && a.EntityType == "BoardReport").CountAsync());
        Assert.Equal(1, audit);
    }

    private static List<string> Expected(params string[] values) => [.. values];

    private static decimal? Number(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Period=HijriYear&Year=abc", "error-year")]
    [InlineData("Period=HijriYear&Year=1200", "error-year")]
    [InlineData("Period=HijriMonth&Year=1447&Month=13", "error-month")]
    [InlineData("Period=GregorianRange&From=31/02/2025&To=01/03/2025", "error-from")]
    [InlineData("Period=GregorianRange&From=01/03/2025&To=01/02/2025", "error-to")]
    [InlineData("Period=GregorianRange&From=01/03/2025", "error-to")]
    [InlineData("Period=GregorianRange&From=01/01/2020&To=01/01/2025", "error-to")]
    [InlineData("Period=Weekly", "error-period")]
    [InlineData("Branch=not-a-guid", "")] // a machine value no form sends: 400 by MalformedRequestFilter, before the page
    [InlineData("Branch=0198f5a4-1111-7000-8000-000000000001", "error-branch")]
    [InlineData("Service=0198f5a4-1111-7000-8000-000000000002", "error-service")]
    public async Task Bad_period_or_unknown_id_answers_the_page_with_a_field_message_and_no_figures(string query, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        foreach (var url in new[] { "/Reports?" + query, "/Reports?" + query + "&handler=Export" })
        {
            var response = await manager.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await StaffClient.ParseAsync(response);
            if (field.Length == 0)
            {
                continue;
            }

            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-testid={field}]")?.TextContent), $"{url}: no message in {field}");
            Assert.Null(page.QuerySelector("[data-testid=table-summary]"));
        }
    }

    [Fact]
    public async Task Another_associations_office_or_service_is_a_field_message_never_its_figures()
    {
        var victim = await ArrangeAsync();
        var intruderTenant = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(intruderTenant.User(StaffRoles.Manager).Email);

        foreach (var (query, field) in new[] { ($"Branch={victim.Branch}", "error-branch"), ($"Service={victim.Service1}", "error-service") })
        {
            var response = await intruder.Http.GetAsync("/Reports?Period=HijriYear&Year=1447&" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await StaffClient.ParseAsync(response);
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-testid={field}]")?.TextContent));
            Assert.Null(page.QuerySelector("[data-testid=table-summary]"));
        }

        // Its own report counts none of the victim's rows.
        var own = await intruder.GetDocumentAsync("/Reports?Period=HijriYear&Year=1447");
        Assert.All(Table(own, "summary").Where(r => r.Values[0].Length > 0), r => Assert.Equal(0m, Number(r.Values[0])));
    }

    [Theory]
    [InlineData("/Beneficiaries")]
    [InlineData("/Beneficiaries?handler=Export&format=Xlsx")]
    [InlineData("/Requests")]
    [InlineData("/Requests?handler=Export&format=Xlsx")]
    [InlineData("/Requests/Window")]
    [InlineData("/Contacts")]
    [InlineData("/Contacts?handler=Export&format=Xlsx")]
    [InlineData("/Letters")]
    [InlineData("/Feedback")]
    [InlineData("/Committee")]
    [InlineData("/Satisfaction")]
    [InlineData("/Import")]
    [InlineData("/Admin/Audit")]
    [InlineData("/Admin/Users")]
    public async Task Board_member_gets_403_on_every_page_and_export_with_personal_data(string url)
    {
        var tenant = await factory.CreateTenantAsync();
        using var board = await factory.SignInAsync(tenant.User(StaffRoles.BoardMember).Email);

        await Forbidden.AssertAsync(await board.Http.GetAsync(url));
    }

    [Fact]
    public async Task Board_member_gets_403_on_a_beneficiary_a_request_and_a_stored_document_but_reads_reports_and_policies()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        var fileId = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var file = new Juthuruna.Features.Files.StoredFile
            {
                OriginalName = "id.pdf", ContentType = "application/pdf", SizeBytes = 4, Sha256 = new string('0', 64), StorageKey = $"{tenant.Id}/id.pdf",
                OwnerKind = "Beneficiary", OwnerId = arranged.BeneficiaryId, UploadedBy = tenant.Admin.Id, UploadedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        });
        using var board = await factory.SignInAsync(tenant.User(StaffRoles.BoardMember).Email);

        await Forbidden.AssertAsync(await board.Http.GetAsync($"/Beneficiaries/Details/{arranged.BeneficiaryId}"));
        await Forbidden.AssertAsync(await board.Http.GetAsync($"/Requests/Details/{arranged.RequestId}"));
        await Forbidden.AssertAsync(await board.Http.GetAsync($"/Files/Download/{fileId}"));
        Assert.Equal(HttpStatusCode.OK, (await board.Http.GetAsync("/Reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await board.Http.GetAsync("/Policies")).StatusCode);

        // The dashboard leads the board member to the reports and nowhere personal.
        var home = await board.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("[data-role=BoardMember] a[href='/Reports']"));
        Assert.Null(home.QuerySelector("[data-testid=nav-beneficiaries]"));
        Assert.Null(home.QuerySelector("[data-testid=nav-requests]"));
        Assert.Null(home.QuerySelector("[data-testid=nav-contacts]"));
    }

    [Theory]
    [InlineData(StaffRoles.RelationsOfficer)]
    [InlineData(StaffRoles.SocialResearcher)]
    [InlineData(StaffRoles.CommitteeChair)]
    public async Task Roles_outside_management_and_the_board_get_403_on_the_report(string role)
    {
        var tenant = await factory.CreateTenantAsync();
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        await Forbidden.AssertAsync(await user.Http.GetAsync("/Reports"));
        await Forbidden.AssertAsync(await user.Http.GetAsync("/Reports?handler=Export"));
    }

    [Fact]
    public async Task Managers_dashboard_card_leads_to_the_board_reports()
    {
        var tenant = await factory.CreateTenantAsync();
        using var manager = await factory.SignInAsync(tenant.User(StaffRoles.Manager).Email);

        var home = await manager.GetDocumentAsync("/");
        var link = home.QuerySelector("[data-role=Manager] [data-testid=reports-link]");
        Assert.Equal("/Reports", link?.GetAttribute("href"));
        Assert.Contains("تقارير مجلس الإدارة", link!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintained_summaries_equal_a_rebuild_from_the_rows_after_the_workflows_steps()
    {
        await ArrangeAsync();
        // Through the real steps too: an approval, a rejection, a registration and deliveries.
        var tenant = await factory.CreateTenantAsync();
        var registered = await TestRequests.RegisteredAsync(factory, tenant);
        var rejected = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.RejectAsync(factory, tenant, rejected.RequestId, "الدخل يتجاوز حد الاستحقاق");

        var before = await SnapshotAsync();
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var statement in ReportTallyBackfill.Rebuild(sqlite: true))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            await tx.CommitAsync();
        });
        var after = await SnapshotAsync();

        Assert.Equal(after, before);
        Assert.Contains("Received", before, StringComparison.Ordinal);
        _ = registered;
    }

    /// <summary>Every association's non-zero summary rows, as text (read without the tenant filter: the rebuild covers all).</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var requests = await db.RequestTallies.IgnoreQueryFilters().Where(t => t.Received != 0 || t.Deferred != 0)
            .OrderBy(t => t.TenantId).ThenBy(t => t.Day).ThenBy(t => t.ServiceId).ThenBy(t => t.BranchId).ThenBy(t => t.Channel).ToListAsync();
        var decisions = await db.DecisionTallies.IgnoreQueryFilters().Where(t => t.Approved != 0 || t.Rejected != 0)
            .OrderBy(t => t.TenantId).ThenBy(t => t.Day).ThenBy(t => t.ServiceId).ThenBy(t => t.BranchId).ThenBy(t => t.DaysToDecide).ToListAsync();
        var services = await db.ServiceTallies.IgnoreQueryFilters().Where(t => t.Registrations != 0 || t.Deliveries != 0)
            .OrderBy(t => t.TenantId).ThenBy(t => t.Day).ThenBy(t => t.ServiceId).ThenBy(t => t.BranchId).ToListAsync();
        var contacts = await db.ContactTallies.IgnoreQueryFilters().Where(t => t.Contacts != 0)
            .OrderBy(t => t.TenantId).ThenBy(t => t.Day).ThenBy(t => t.Channel).ThenBy(t => t.BranchId).ToListAsync();
        return System.Text.Json.JsonSerializer.Serialize(new { requests, decisions, services, contacts });
    }
}
