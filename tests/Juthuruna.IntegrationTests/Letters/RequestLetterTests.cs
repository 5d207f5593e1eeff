using Juthuruna.Common.Saudi;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Letters;
using Juthuruna.Features.Services;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>
/// The letters about a support request after the receipt: missing documents, referral, approval, rejection and
/// registration confirmation. Issued through the register with real Chromium and read back with pdftotext.
/// The fake clock is 18 Feb 2026 = 1 Ramadan 1447: submission, session and decision all fall on that day.
/// </summary>
public sealed class RequestLetterTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string LetterCounter = Letter.CounterPrefix + "1447";

    [Fact]
    public async Task MissingDocuments_in_review_lists_missing_mismatched_and_expired_documents_with_their_reasons()
    {
        var tenant = await factory.CreateTenantAsync();
        var requestId = await InDocumentsReviewAsync(tenant, checkEverything: false);

        var (_, pdf) = await IssueAsync(tenant, LetterKind.MissingDocuments, requestId);

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, requestId);
        InOrder(text, "سعاد عبدالله صالح الزهراني", "الموضوع", "إشعار باستكمال النواقص");
        InOrder(text, "طلبكم رقم", number, "المقدم بتاريخ", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026");
        // Mandatory documents first: the ID expired before the submission date, the lease never checked.
        InOrder(text, "المستند", "الإلزامية", "السبب",
            "الهوية الوطنية", "إلزامي", "منتهي الصلاحية بتاريخ", "22", "شعبان", "1447", "هـ", "الموافق", "10", "فبراير", "2026",
            "عقد الإيجار", "إلزامي", "غير مقدم",
            "تعريف", "اختياري", "صادر بتاريخ", "9", "ربيع الآخر", "1447", "الموافق", "1", "أكتوبر", "2025",
            "سجل الأسرة", "اختياري", "غير مطابق لبيانات مقدم الطلب");
        // The salary certificate's cell wraps, so pdftotext puts its last words after the table.
        InOrder(text, "أكثر من", "90");
        InOrder(text, "مع ذكر رقم الطلب", number, "مستنداته الإلزامية");
        Assert.DoesNotContain("شهادة الآيبان", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDocuments_when_every_document_is_matched_and_valid_is_refused_and_takes_no_number()
    {
        var tenant = await factory.CreateTenantAsync();
        var requestId = await InDocumentsReviewAsync(tenant, checkEverything: true);

        await AssertRefusedAsync(tenant, LetterKind.MissingDocuments, requestId,
            "جميع المستندات المطلوبة للخدمة مطابقة وسارية المفعول، فلا توجد نواقص تستدعي الإشعار.");
    }

    [Fact]
    public async Task Referral_quotes_the_question_the_researcher_and_the_answer_of_the_latest_referral()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var researcher = await db.Users.SingleAsync(u => u.Id == tenant.User(StaffRoles.SocialResearcher).Id);
            researcher.FullName = "نورة سعد القحطاني";
            await db.SaveChangesAsync();
            var requests = sp.GetRequiredService<RequestCommands>();
            var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
            Assert.True((await requests.ReferAsync(request.RequestId, researcher.Id, "سؤال قديم أجيب عنه", officer, CancellationToken.None)).Succeeded);
            // The latest referral is the letter's, even when an earlier one exists.
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.True((await requests.ReferAsync(request.RequestId, researcher.Id, "هل يلزم تقديم صك ملكية المسكن إذا كانت الأسرة تسكن بالإيجار؟", officer, CancellationToken.None)).Succeeded);
            var latest = await db.Referrals.Where(r => r.RequestId == request.RequestId).OrderByDescending(r => r.AskedAtUtc).Select(r => r.Id).FirstAsync();
            Assert.True((await requests.AnswerReferralAsync(request.RequestId, latest, "يكفي عقد الإيجار الموثق عبر منصة إيجار.", TestRequests.Actor(tenant, StaffRoles.SocialResearcher), CancellationToken.None)).Succeeded);
        });

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Referral, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, request.RequestId);
        InOrder(text, "الموضوع", "إحالة استفساركم إلى الباحث الاجتماعي");
        InOrder(text, "طلبكم رقم", number, "بتاريخ", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026",
            "الباحث الاجتماعي", "نورة سعد القحطاني",
            "هل يلزم تقديم صك ملكية المسكن إذا كانت الأسرة تسكن بالإيجار؟",
            "أجاب الباحث الاجتماعي بتاريخ", "1", "رمضان", "1447", "يكفي عقد الإيجار الموثق عبر منصة إيجار");
        Assert.DoesNotContain("سؤال قديم", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_not_yet_answered_says_the_answer_will_follow()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        await factory.InTenantAsync(tenant.Id, async sp =>
            Assert.True((await sp.GetRequiredService<RequestCommands>().ReferAsync(request.RequestId, tenant.User(StaffRoles.SocialResearcher).Id,
                "ما المستندات المطلوبة لخدمة الإيجار؟", TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None)).Succeeded));

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Referral, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf);
        InOrder(text, "ما المستندات المطلوبة لخدمة الإيجار؟", "وسيدرس الباحث الاجتماعي استفساركم", await RequestNumberAsync(tenant, request.RequestId));
        Assert.DoesNotContain("أجاب الباحث", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_names_the_session_its_date_the_approved_services_and_amount_and_the_next_step()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        var secondService = await NewServiceAsync(tenant, "سلة غذائية شهرية", "Monthly food basket");
        await TestRequests.ApproveAsync(factory, tenant, request.RequestId, [request.ServiceId, secondService], 450_050);

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Approval, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, request.RequestId);
        var session = await SessionNumberAsync(tenant, request.RequestId);
        var serviceName = await factory.QueryAsync(tenant.Id, db => db.SupportServices.Where(s => s.Id == request.ServiceId).Select(s => s.NameAr).SingleAsync());
        InOrder(text, "الموضوع", "قرار الموافقة على طلب الدعم");
        InOrder(text, "في جلستها رقم", session, "المنعقدة بتاريخ", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026",
            "الموافقة على طلبكم رقم", number, serviceName);
        InOrder(text, "الخدمة المعتمدة", serviceName, "سلة غذائية شهرية", "المبلغ المعتمد", "4,500.50", "ريال");
        InOrder(text, "الخطوة التالية", "لاستكمال تسجيلكم", number);
    }

    [Fact]
    public async Task Approval_in_English_is_written_in_English_with_the_English_service_names()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.ApprovedAsync(factory, tenant);

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Approval, request.RequestId, "en");

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, request.RequestId);
        var serviceName = await factory.QueryAsync(tenant.Id, db => db.SupportServices.Where(s => s.Id == request.ServiceId).Select(s => s.NameEn!).SingleAsync());
        InOrder(text, "Subject:", "Approval of your support request");
        InOrder(text, "in its session no.", await SessionNumberAsync(tenant, request.RequestId), "held on", "1 Ramadan 1447 AH", "corresponding to", "18 February 2026",
            "decided to approve your request no.", number, serviceName);
        InOrder(text, "Approved service", serviceName, "Approved amount:", "3,000.00", "SAR", "Next step:", "complete your registration", number);
        Assert.DoesNotContain("الموافقة", text, StringComparison.Ordinal);
        Assert.DoesNotContain("مساعدة نقدية", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejection_quotes_the_committees_reasons_verbatim_and_says_how_to_ask_for_reconsideration()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.AwaitingCommitteeAsync(factory, tenant);
        await TestRequests.RejectAsync(factory, tenant, request.RequestId, "دخل الأسرة الشهري يتجاوز حد الاستحقاق المعتمد في دليل سياسة الدعم.\nلم يثبت من البحث وجود حاجة طارئة.");

        var (_, pdf) = await IssueAsync(tenant, LetterKind.Rejection, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, request.RequestId);
        InOrder(text, "الموضوع", "قرار الاعتذار عن طلب الدعم");
        InOrder(text, "في جلستها رقم", await SessionNumberAsync(tenant, request.RequestId), "المنعقدة بتاريخ", "1", "رمضان", "1447", "الموافق", "18", "فبراير", "2026",
            "الاعتذار عن قبول طلبكم رقم", number, "للأسباب الآتية",
            "دخل الأسرة الشهري يتجاوز حد الاستحقاق المعتمد في دليل سياسة الدعم.", "لم يثبت من البحث وجود حاجة طارئة.");
        InOrder(text, "لإعادة النظر", "مع ذكر رقم الطلب", number, "على الهاتف", "0556766873", "البريد الإلكتروني", $"info@{tenant.Slug}.test");
    }

    [Fact]
    public async Task RegistrationConfirmation_gives_the_beneficiary_number_the_eligibility_period_in_both_calendars_and_the_services()
    {
        var tenant = await factory.CreateTenantAsync();
        var request = await TestRequests.RegisteredAsync(factory, tenant, amountHalalas: 120_000);

        var (_, pdf) = await IssueAsync(tenant, LetterKind.RegistrationConfirmation, request.RequestId);

        var text = await PdfText.ExtractAsync(pdf);
        var number = await RequestNumberAsync(tenant, request.RequestId);
        var beneficiaryNumber = await factory.QueryAsync(tenant.Id, db => db.Registrations.Where(r => r.RequestId == request.RequestId).Select(r => r.BeneficiaryNumber).SingleAsync());
        var serviceName = await factory.QueryAsync(tenant.Id, db => db.SupportServices.Where(s => s.Id == request.ServiceId).Select(s => s.NameAr).SingleAsync());
        InOrder(text, "الموضوع", "تأكيد التسجيل بصفة مستفيد");
        InOrder(text, "طلبكم رقم", number, "تم تسجيلكم");
        InOrder(text, "رقم المستفيد", beneficiaryNumber,
            "بداية مدة الاستحقاق", "1", "رمضان", "1447", "هـ", "الموافق", "18", "فبراير", "2026",
            "نهاية مدة الاستحقاق", "4", "ربيع الأول", "1448", "هـ", "الموافق", "17", "أغسطس", "2026",
            "الخدمات المعتمدة", serviceName, "المبلغ المعتمد", "1,200.00", "ريال");
        InOrder(text, "خلال مدة الاستحقاق", "ذكر رقم المستفيد", beneficiaryNumber);
    }

    /// <summary>Each kind issued about a request in a state where it is not offered: refused, no register row, no number taken.</summary>
    [Theory]
    [InlineData(LetterKind.MissingDocuments, "Verified", "لا يمكن إصدار إشعار النواقص إلا أثناء مراجعة مستندات الطلب.")]
    [InlineData(LetterKind.Referral, "Verified", "لا يمكن إصدار خطاب الإحالة إلا بعد إحالة الطلب إلى باحث اجتماعي.")]
    [InlineData(LetterKind.Approval, "AwaitingCommittee", "لا يمكن إصدار خطاب الموافقة إلا بعد موافقة اللجنة على الطلب.")]
    [InlineData(LetterKind.Rejection, "Approved", "لا يمكن إصدار خطاب الاعتذار إلا بعد صدور قرار اللجنة بعدم الموافقة على الطلب.")]
    [InlineData(LetterKind.RegistrationConfirmation, "Approved", "لا يمكن إصدار تأكيد التسجيل إلا بعد تسجيل المستفيد على هذا الطلب.")]
    public async Task Letter_in_a_state_where_it_is_not_offered_is_refused_and_takes_no_number(LetterKind kind, string state, string message)
    {
        var tenant = await factory.CreateTenantAsync();
        var request = state switch
        {
            "Verified" => await TestRequests.VerifiedAsync(factory, tenant),
            "AwaitingCommittee" => await TestRequests.AwaitingCommitteeAsync(factory, tenant),
            _ => await TestRequests.ApprovedAsync(factory, tenant),
        };
        // A letter issued before shows that the refusal leaves the counter where it was, not merely uncreated.
        await IssueAsync(tenant, LetterKind.Receipt, request.RequestId);

        await AssertRefusedAsync(tenant, kind, request.RequestId, message);
    }

    /// <summary>The administrator's preview writes each letter from its invented sample, in both languages.</summary>
    [Theory]
    [InlineData(LetterKind.MissingDocuments, "إشعار باستكمال النواقص", "Notice to complete missing documents")]
    [InlineData(LetterKind.Referral, "إحالة استفساركم إلى الباحث الاجتماعي", "Referral of your enquiry to the social researcher")]
    [InlineData(LetterKind.Approval, "قرار الموافقة على طلب الدعم", "Approval of your support request")]
    [InlineData(LetterKind.Rejection, "قرار الاعتذار عن طلب الدعم", "Committee decision on your support request")]
    [InlineData(LetterKind.RegistrationConfirmation, "تأكيد التسجيل بصفة مستفيد", "Confirmation of your registration as a beneficiary")]
    public async Task Preview_of_each_request_letter_is_written_from_its_sample_in_both_languages(LetterKind kind, string arabicTitle, string englishTitle)
    {
        var tenant = await factory.CreateTenantAsync();

        var (arabic, english) = await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var register = sp.GetRequiredService<LetterRegister>();
            return (await PdfText.ExtractAsync(await register.PreviewAsync(kind, "ar", CancellationToken.None)),
                await PdfText.ExtractAsync(await register.PreviewAsync(kind, "en", CancellationToken.None)));
        });

        InOrder(arabic, "نموذج للمعاينة", "محمد عبدالله صالح العتيبي", arabicTitle, "JTH-1448-000123");
        InOrder(english, "Sample for preview", englishTitle, "JTH-1448-000123");
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
    }

    [Fact]
    public void Templates_are_offered_in_the_states_the_policy_gives_them()
    {
        using var scope = factory.Services.CreateScope();
        var templates = scope.ServiceProvider.GetServices<LetterTemplate>().ToDictionary(t => t.Kind);
        var expected = new Dictionary<LetterKind, RequestState[]>
        {
            [LetterKind.MissingDocuments] = [RequestState.DocumentsReview, RequestState.ReturnedForCompletion],
            [LetterKind.Approval] = [RequestState.Approved, RequestState.Registered, RequestState.InService, RequestState.Closed],
            [LetterKind.Rejection] = [RequestState.Rejected],
            [LetterKind.RegistrationConfirmation] = [RequestState.Registered, RequestState.InService, RequestState.Closed],
        };

        foreach (var (kind, states) in expected)
        {
            var offered = Enum.GetValues<RequestState>().Where(s => templates[kind].Offers(Details(s, referred: false))).ToArray();
            Assert.True(states.SequenceEqual(offered), $"{kind}: offered in {string.Join(", ", offered)}");
        }

        // The referral letter follows the referral, whatever the state.
        Assert.All(Enum.GetValues<RequestState>(), s =>
        {
            Assert.True(templates[LetterKind.Referral].Offers(Details(s, referred: true)));
            Assert.False(templates[LetterKind.Referral].Offers(Details(s, referred: false)));
        });
    }

    /// <summary>
    /// pdftotext puts line breaks where the lines wrap and splits some Arabic words at a letter that does not join
    /// to the next (الهو ية), so the parts are compared without any whitespace.
    /// </summary>
    private static void InOrder(string text, params string[] parts) =>
        PdfText.AssertInOrder(Squash(text), [.. parts.Select(Squash)]);

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static RequestDetails Details(RequestState state, bool referred) => new(
        Guid.NewGuid(), "TST-1447-000001", state, Guid.NewGuid(), Guid.NewGuid(), "سعاد عبدالله صالح الزهراني", "F-1", Guid.NewGuid(), "مساعدة", null, null,
        ContactChannel.InPerson, "وصف", null, new DateOnly(2026, 2, 18), null, null, null, DateTime.UtcNow, [], null,
        referred ? [new ReferralItem(Guid.NewGuid(), "سؤال", "باحث", Guid.NewGuid(), "موظف", DateTime.UtcNow, null, null, ReferralStatus.Open)] : [],
        Researcher: null, OpenAgendaItemId: null, Registration: null);

    private async Task AssertRefusedAsync(TestTenant tenant, LetterKind kind, Guid requestId, string message)
    {
        var lettersBefore = await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync());
        var counterBefore = await CounterAsync(tenant);

        var result = await factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<LetterRegister>().IssueAsync(kind, requestId, "ar", Guid.NewGuid(),
            TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal(message, Assert.Single(result.Errors).Message);
        Assert.Equal(lettersBefore, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Letters.CountAsync(l => l.Kind == kind)));
        Assert.Equal(counterBefore, await CounterAsync(tenant));
    }

    private Task<long?> CounterAsync(TestTenant tenant) =>
        factory.QueryAsync(tenant.Id, db => db.TenantCounters.Where(c => c.Name == LetterCounter).Select(c => (long?)c.Value).SingleOrDefaultAsync());

    /// <summary>
    /// A submitted request whose service requires five documents: the national ID (mandatory, expiry date), the lease
    /// (mandatory), a salary certificate (optional, at most 90 days old), the family record (optional) and an IBAN
    /// certificate (optional). Unless <paramref name="checkEverything"/>, the officer found the ID expired on
    /// 10 Feb 2026, never checked the lease, a salary certificate of 1 Oct 2025, a family record that does not match,
    /// and a valid IBAN certificate.
    /// </summary>
    private Task<Guid> InDocumentsReviewAsync(TestTenant tenant, bool checkEverything) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var service = new SupportService { Code = "RENT", NameAr = "مساعدة إيجار سكني", NameEn = "Housing rent aid" };
            var beneficiary = new Beneficiary
            {
                FileNumber = Beneficiary.FormatFileNumber(1),
                IdentityType = IdentityType.NationalId,
                IdentityNumber = TestBeneficiaries.NationalIdFor(1),
                FirstName = "سعاد",
                FatherName = "عبدالله",
                GrandfatherName = "صالح",
                FamilyName = "الزهراني",
                BirthDate = new DateOnly(1985, 3, 10),
                Nationality = "سعودية",
                Mobile = "+966551234567",
                SearchKey = "سعاد عبدالله صالح الزهراني",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            var id = new DocumentType { Code = "NID", NameAr = "الهوية الوطنية", NameEn = "National ID", HasExpiryDate = true };
            var lease = new DocumentType { Code = "LEASE", NameAr = "عقد الإيجار", NameEn = "Lease contract" };
            var salary = new DocumentType { Code = "SALARY", NameAr = "تعريف بالراتب", NameEn = "Salary certificate", MaxAgeDays = 90 };
            var family = new DocumentType { Code = "FAMILY", NameAr = "سجل الأسرة", NameEn = "Family record" };
            var iban = new DocumentType { Code = "IBAN", NameAr = "شهادة الآيبان", NameEn = "IBAN certificate" };
            db.SupportServices.Add(service);
            db.Beneficiaries.Add(beneficiary);
            db.DocumentTypes.AddRange(id, lease, salary, family, iban);
            db.ServiceRequirements.AddRange(
                new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = id.Id, IsMandatory = true },
                new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = lease.Id, IsMandatory = true },
                new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = salary.Id, IsMandatory = false },
                new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = family.Id, IsMandatory = false },
                new ServiceRequirement { ServiceId = service.Id, DocumentTypeId = iban.Id, IsMandatory = false });
            await db.SaveChangesAsync();

            var officer = TestRequests.Actor(tenant, StaffRoles.RelationsOfficer);
            var requests = sp.GetRequiredService<RequestCommands>();
            var created = await requests.CreateAsync(
                new NewSupportRequest(beneficiary.Id, service.Id, null, ContactChannel.InPerson, "أسرة تحتاج مساعدة في الإيجار", "3000", Guid.NewGuid()), officer, CancellationToken.None);
            var requestId = created.Id!.Value;
            var version = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync();
            Assert.True((await requests.TransitionAsync(requestId, RequestTrigger.Submit, version, null, officer, CancellationToken.None)).Succeeded);

            var checks = sp.GetRequiredService<DocumentChecks>();
            async Task CheckAsync(Guid type, DocumentStatus found, DateOnly? issued = null, DateOnly? expires = null) =>
                Assert.True((await checks.RecordAsync(requestId, new DocumentCheckInput(type, found, true, issued, expires, null), null, officer, CancellationToken.None)).Succeeded);
            if (checkEverything)
            {
                await CheckAsync(id.Id, DocumentStatus.Matched, expires: new DateOnly(2030, 1, 1));
                await CheckAsync(lease.Id, DocumentStatus.Matched);
                await CheckAsync(salary.Id, DocumentStatus.Matched, issued: new DateOnly(2026, 1, 15));
                await CheckAsync(family.Id, DocumentStatus.Matched);
            }
            else
            {
                await CheckAsync(id.Id, DocumentStatus.Matched, expires: new DateOnly(2026, 2, 10));
                await CheckAsync(salary.Id, DocumentStatus.Matched, issued: new DateOnly(2025, 10, 1));
                await CheckAsync(family.Id, DocumentStatus.Mismatched);
            }

            await CheckAsync(iban.Id, DocumentStatus.Matched);
            return requestId;
        });

    private Task<Guid> NewServiceAsync(TestTenant tenant, string nameAr, string nameEn) =>
        factory.InTenantAsync(tenant.Id, async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var service = new SupportService { Code = "FOOD", NameAr = nameAr, NameEn = nameEn };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    private Task<string> RequestNumberAsync(TestTenant tenant, Guid requestId) =>
        factory.QueryAsync(tenant.Id, db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Number).SingleAsync());

    private Task<string> SessionNumberAsync(TestTenant tenant, Guid requestId) =>
        factory.QueryAsync(tenant.Id, db => db.AgendaItems.Where(i => i.RequestId == requestId)
            .Join(db.CommitteeSessions, i => i.SessionId, s => s.Id, (i, s) => s.Number).SingleAsync());

    private async Task<(Guid Id, byte[] Pdf)> IssueAsync(TestTenant tenant, LetterKind kind, Guid subjectId, string language = "ar") =>
        await factory.InTenantAsync(tenant.Id, async sp =>
        {
            var result = await sp.GetRequiredService<LetterRegister>().IssueAsync(kind, subjectId, language, Guid.NewGuid(),
                TestRequests.Actor(tenant, StaffRoles.RelationsOfficer), CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            var pdf = (await sp.GetRequiredService<LetterQueries>().PdfAsync(result.Id!.Value, CancellationToken.None))!.Value.Content;
            return (result.Id!.Value, pdf);
        });
}
