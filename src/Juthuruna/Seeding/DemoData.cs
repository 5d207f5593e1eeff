using Juthuruna.Common.Dates;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Branches;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Policies;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.Services;
using Juthuruna.Features.Staff;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Features.Tenants;
using Juthuruna.Identity;
using Juthuruna.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Juthuruna.Seeding;

public sealed record DemoLogin(string Association, string Role, string Email, string Password);

/// <summary>
/// The demo world of a fresh checkout: the platform with its operator, جمعية جذورنا الثقافية from the
/// policy, and a second association of the same shape so tenant separation can be seen.
/// Never runs in Production (the web host decides).
/// </summary>
public sealed class DemoData(AppDbContext db, TenantScopeFactory scopes, TenantProvisioning provisioning, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "Demo#2026";

    public static readonly IReadOnlyList<(string Role, string LocalPart, string NameAr)> StaffByRole =
    [
        (StaffRoles.RelationsOfficer, "officer", "نورة العتيبي"),
        (StaffRoles.SocialResearcher, "researcher", "خالد الزهراني"),
        (StaffRoles.CommitteeMember, "member", "فاطمة الغامدي"),
        (StaffRoles.CommitteeMember, "member2", "حصة السبيعي"),
        (StaffRoles.CommitteeChair, "chair", "عبدالله الحربي"),
        (StaffRoles.CommitteeSecretary, "secretary", "سارة القحطاني"),
        (StaffRoles.Manager, "manager", "محمد الشهري"),
        (StaffRoles.BoardMember, "board", "عبدالرحمن الدوسري"),
        (StaffRoles.TenantAdmin, "admin", "ريم المالكي"),
    ];

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("platform", StaffRoles.HostAdmin, "host@juthuruna.app", Password),
        .. StaffByRole.Select(s => new DemoLogin("juthuruna", s.Role, $"{s.LocalPart}@juthuruna.org.sa", Password)),
        .. StaffByRole.Select(s => new DemoLogin("albirr", s.Role, $"{s.LocalPart}@albirr.org.sa", Password)),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Tenants.AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var juthuruna = new Tenant
        {
            Slug = "juthuruna",
            NameAr = "جمعية جذورنا الثقافية",
            NameEn = "Juthuruna Cultural Association",
            City = "جدة",
            Address = "جدة - حي الحمدانية",
            Phone = "0556766873",
            Email = "info@juthuruna.org.sa",
            LicenceNumber = "1234",
            Logo = DemoLogo(),
            LogoContentType = "image/png",
            Settings = new TenantSettings { NumberPrefix = "JTH", LetterSignatoryName = "أ. هند بنت سعد القحطاني", LetterSignatoryTitle = "المدير التنفيذي" },
            CreatedAtUtc = now,
        };
        var albirr = new Tenant
        {
            Slug = "albirr",
            NameAr = "جمعية البر التجريبية",
            NameEn = "Al-Birr Demo Association",
            City = "الرياض",
            Address = "الرياض - حي الملز",
            Phone = "0112345678",
            Email = "info@albirr.org.sa",
            LicenceNumber = "5678",
            Settings = new TenantSettings { NumberPrefix = "BIR", DecisionWindowMode = DecisionWindowMode.WorkingDays },
            CreatedAtUtc = now,
        };
        var (platform, _) = await provisioning.CreatePlatformAsync(
            new NewPlatform("platform", "منصة جذورنا", "Juthuruna platform", "مشغل المنصة", "host@juthuruna.app", Password), ct);
        EnsureSucceeded(platform);

        db.Tenants.AddRange(juthuruna, albirr);
        await db.SaveChangesAsync(ct);

        await SeedAssociationAsync(juthuruna, "juthuruna.org.sa", ("BR1", "مكتب حي الصفا", "Al-Safa branch office"), ct);
        await SeedAssociationAsync(albirr, "albirr.org.sa", ("BR1", "مكتب حي النسيم", "Al-Naseem branch office"), ct);
        // Policies first: the demo's past committee decision records the approved versions in force when it was taken.
        await SeedPoliciesAsync(juthuruna.Id, "juthuruna.org.sa", ct);
        await SeedBeneficiariesAndContactsAsync(juthuruna.Id, "juthuruna.org.sa", DemoBeneficiaries, withContacts: true, ct);
        await SatisfactionDemo.SeedAsync(scopes, clock, juthuruna.Id, ct);
        await FeedbackDemo.SeedAsync(scopes, juthuruna.Id, "juthuruna.org.sa", ct);
        // The same national IDs in the second association: each association has its own files.
        await SeedBeneficiariesAndContactsAsync(albirr.Id, "albirr.org.sa", DemoBeneficiaries.Take(2).ToList(), withContacts: false, ct);
        logger.LogInformation("Seeded the demo: {Tenants} associations and {Users} staff accounts", 2, Logins.Count);
        return true;
    }

    /// <summary>
    /// The association's relations policy as its board approved it (fifth session, 3/7/1447 هـ = 23/12/2025 م), and the
    /// support policy guide in two versions, so the history and the diff have something to show.
    /// </summary>
    private async Task SeedPoliciesAsync(Guid tenantId, string domain, CancellationToken ct)
    {
        await using var scope = scopes.BeginScope(tenantId);
        var sp = scope.ServiceProvider;
        var policies = sp.GetRequiredService<PolicyDocuments>();
        var email = $"admin@{domain}".ToUpperInvariant();
        var admin = await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(ct);

        async Task<Guid> ApprovedAsync(string titleAr, string titleEn, PolicyKind kind, string text, string session, DateOnly on)
        {
            var created = await policies.CreateAsync(new NewPolicyDocument(titleAr, titleEn, kind, IsPublic: true, text, Guid.NewGuid()), admin, ct);
            Ensure(created.Succeeded, "policy document", created.Errors);
            await ApproveDraftAsync(created.Id!.Value, session, on);
            return created.Id.Value;
        }

        async Task ApproveDraftAsync(Guid id, string session, DateOnly on)
        {
            var draft = await sp.GetRequiredService<PolicyQueries>().DraftTextAsync(id, ct) ?? throw new InvalidOperationException("No draft to approve.");
            var approved = await policies.ApproveAsync(id, draft.Id, draft.Token, session, on, admin, ct);
            Ensure(approved.Succeeded, "policy approval", approved.Errors);
        }

        await ApprovedAsync("سياسة تنظيم العلاقة مع المستفيدين", "Beneficiary relations policy", PolicyKind.BeneficiaryRelationsPolicy,
            RelationsPolicyText(), "5", DualDate.FromHijri(1447, 7, 3));

        var guide = await ApprovedAsync("دليل سياسة الدعم للمستفيدين", "Support policy guide", PolicyKind.SupportPolicyGuide,
            SupportGuideText(responsePeriod: "أسبوعين"), "2", DualDate.FromHijri(1446, 9, 10));
        var started = await policies.StartDraftAsync(guide, admin, ct);
        Ensure(started.Succeeded, "policy draft", started.Errors);
        var draft = await sp.GetRequiredService<PolicyQueries>().DraftTextAsync(guide, ct) ?? throw new InvalidOperationException("No draft.");
        // The approved guide states the association's own decision window (the demo keeps the default: 14 calendar days).
        var saved = await policies.SaveDraftAsync(guide, draft.Id, draft.Token, SupportGuideText(responsePeriod: DemoWindowText), ct);
        Ensure(saved.Succeeded, "policy draft text", saved.Errors);
        await ApproveDraftAsync(guide, "4", DualDate.FromHijri(1447, 5, 15));
    }

    private static string RelationsPolicyText()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Juthuruna.Seeding.beneficiary-relations-policy.ar.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The demo association's decision window in the guide's words: <see cref="TenantSettings.DefaultDecisionWindowDays"/> calendar days.</summary>
    private const string DemoWindowText = "14 يومًا";

    private static string SupportGuideText(string responsePeriod) => $"""
        # دليل سياسة الدعم للمستفيدين

        ## الغرض

        يحدد هذا الدليل أسس تقديم الدعم للمستفيدين من جمعية جذورنا الثقافية وشروطه وإجراءاته، بما يحقق العدالة والشفافية في توزيع الخدمات ويحفظ كرامة المستفيد.

        ## شروط الاستحقاق

        - أن يكون المستفيد مقيمًا في نطاق خدمة الجمعية.
        - أن يقدّم الوثائق المطلوبة سارية المفعول وقت التقديم.
        - أن يثبت البحث الاجتماعي حاجته إلى الخدمة المطلوبة.

        ## إجراءات الطلب

        1. يقدّم المستفيد طلب الدعم عبر إحدى قنوات التواصل المعتمدة.
        2. يتحقق موظف علاقات المستفيدين من اكتمال الوثائق ومطابقتها.
        3. يُحال الطلب إلى الباحث الاجتماعي لدراسة الحالة.
        4. تبتّ لجنة البحث في الطلب ويُبلَّغ المستفيد بالقرار خلال مدة لا تتجاوز {responsePeriod} من اكتمال الطلب.

        ## حقوق المستفيد

        للمستفيد الحق في معرفة حالة طلبه في أي وقت، وفي الاعتراض على القرار خلال ثلاثين يومًا من تبليغه، وفي الحفاظ على سرية بياناته.
        """;

    private static byte[] DemoLogo()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Juthuruna.Seeding.juthuruna-logo.png")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task SeedAssociationAsync(Tenant tenant, string domain, (string Code, string NameAr, string NameEn) branch, CancellationToken ct)
    {
        var admin = StaffByRole.Single(s => s.Role == StaffRoles.TenantAdmin);
        var (result, _) = await provisioning.SetUpAssociationAsync(tenant, admin.NameAr, $"{admin.LocalPart}@{domain}", Password, ct);
        EnsureSucceeded(result);

        await using var scope = scopes.BeginScope(tenant.Id);
        var sp = scope.ServiceProvider;
        var tenantDb = sp.GetRequiredService<AppDbContext>();
        tenantDb.Branches.Add(new Branch { Code = branch.Code, NameAr = branch.NameAr, NameEn = branch.NameEn, City = tenant.City });
        await tenantDb.SaveChangesAsync(ct);

        var accounts = sp.GetRequiredService<StaffAccounts>();
        foreach (var (role, localPart, nameAr) in StaffByRole.Where(s => s.Role != StaffRoles.TenantAdmin))
        {
            (result, _) = await accounts.CreateAsync(new NewStaffUser(nameAr, $"{localPart}@{domain}", Password, [role], null), ct);
            EnsureSucceeded(result);
        }

        await SeedCatalogueAsync(sp, ct);
        await SeedCommitteeSeatsAsync(sp, domain, ct);
    }

    /// <summary>The research committee: the chair, the secretary and two members hold seats since the start of the year.</summary>
    private async Task SeedCommitteeSeatsAsync(IServiceProvider sp, string domain, CancellationToken ct)
    {
        var tenantDb = sp.GetRequiredService<AppDbContext>();
        var members = sp.GetRequiredService<CommitteeMembers>();
        var since = DualDate.Today(clock).AddMonths(-6);
        foreach (var (localPart, seat) in new[] { ("chair", CommitteeRole.Chair), ("secretary", CommitteeRole.Secretary), ("member", CommitteeRole.Member), ("member2", CommitteeRole.Member) })
        {
            var email = $"{localPart}@{domain}".ToUpperInvariant();
            var userId = await tenantDb.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(ct);
            var seated = await members.AddAsync(new NewCommitteeMember(userId, seat, since, null), ct);
            Ensure(seated.Succeeded, "committee seat", seated.Errors);
        }
    }

    /// <summary>The documents associations usually ask for, and a few services of a cultural association with their checklists.</summary>
    private static async Task SeedCatalogueAsync(IServiceProvider sp, CancellationToken ct)
    {
        var documentTypes = sp.GetRequiredService<DocumentTypes>();
        var ids = new Dictionary<string, Guid>();
        foreach (var (code, nameAr, nameEn, hasExpiry, maxAge) in DemoDocumentTypes)
        {
            var saved = await documentTypes.CreateAsync(
                new DocumentTypeForm { Code = code, NameAr = nameAr, NameEn = nameEn, HasExpiryDate = hasExpiry, MaxAgeDays = maxAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
            ids[code] = saved.Id ?? throw new InvalidOperationException($"Demo seeding failed: document type {code}: " + string.Join("; ", saved.Errors.Select(e => e.Message)));
        }

        var services = sp.GetRequiredService<SupportServices>();
        foreach (var (code, nameAr, nameEn, description, amount, mandatory, optional) in DemoServices)
        {
            var saved = await services.CreateAsync(new SupportServiceForm
            {
                Code = code,
                NameAr = nameAr,
                NameEn = nameEn,
                Description = description,
                DefaultAmount = amount,
                Requirements =
                [
                    .. mandatory.Select(m => new RequirementChoice { DocumentTypeId = ids[m], Level = RequirementLevel.Mandatory }),
                    .. optional.Select(o => new RequirementChoice { DocumentTypeId = ids[o], Level = RequirementLevel.Optional }),
                ],
            }, ct);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo seeding failed: service {code}: " + string.Join("; ", saved.Errors.Select(e => e.Message)));
            }
        }
    }

    private sealed record DemoBeneficiary(
        int IdSeed, string First, string Father, string Grandfather, string Family, Gender Gender, string BirthDate, MaritalStatus Marital,
        string Mobile, string District, EmploymentStatus Employment, HousingType Housing, (IncomeKind Kind, string Amount)[] Incomes,
        (string Name, HouseholdRelation Relation, string BirthDate, string? Income)[] Members);

    private static readonly IReadOnlyList<DemoBeneficiary> DemoBeneficiaries =
    [
        new(1, "عبدالرحمن", "سالم", "محمد", "الحربي", Gender.Male, "1978-04-12", MaritalStatus.Married, "0551230001", "الحمدانية",
            EmploymentStatus.Employed, HousingType.Rented, [(IncomeKind.Salary, "4200"), (IncomeKind.CitizenAccount, "720")],
            [("منى علي الزهراني", HouseholdRelation.Spouse, "1982-09-01", null), ("سالم عبدالرحمن الحربي", HouseholdRelation.Son, "2010-02-15", null), ("ريم عبدالرحمن الحربي", HouseholdRelation.Daughter, "2013-07-20", null)]),
        new(2, "فاطمة", "عبدالله", "أحمد", "الغامدي", Gender.Female, "1969-11-03", MaritalStatus.Widowed, "0551230002", "الصفا",
            EmploymentStatus.Unemployed, HousingType.Charitable, [(IncomeKind.SocialSecurity, "1900"), (IncomeKind.Pension, "1500")], []),
        new(3, "خالد", "إبراهيم", "سعيد", "القحطاني", Gender.Male, "1990-01-25", MaritalStatus.Unmarried, "0551230003", "الربوة",
            EmploymentStatus.UnableToWork, HousingType.Family, [(IncomeKind.Rehabilitation, "1100")], []),
        new(4, "نورة", "حسن", "علي", "الشهري", Gender.Female, "1985-06-30", MaritalStatus.Divorced, "0551230004", "الحمدانية",
            EmploymentStatus.SelfEmployed, HousingType.Rented, [(IncomeKind.Other, "2300"), (IncomeKind.CitizenAccount, "500")], []),
        new(5, "يوسف", "عمر", "عبدالعزيز", "المالكي", Gender.Male, "1955-12-10", MaritalStatus.Married, "0551230005", "السامر",
            EmploymentStatus.Retired, HousingType.Owned, [(IncomeKind.Pension, "3800")], []),
    ];

    /// <summary>A valid citizen national ID: first digit 1 and the Luhn check digit.</summary>
    internal static string DemoNationalId(int seed) =>
        Common.Saudi.NationalId.WithCheckDigit("1" + (40000000 + seed * 1237).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    private async Task SeedBeneficiariesAndContactsAsync(Guid tenantId, string domain, IReadOnlyList<DemoBeneficiary> people, bool withContacts, CancellationToken ct)
    {
        await using var scope = scopes.BeginScope(tenantId);
        var sp = scope.ServiceProvider;
        var files = sp.GetRequiredService<BeneficiaryFiles>();
        var ids = new List<Guid>();
        foreach (var p in people)
        {
            var form = BeneficiaryForm.Blank();
            form.IdentityNumber = DemoNationalId(p.IdSeed);
            form.FirstName = p.First;
            form.FatherName = p.Father;
            form.GrandfatherName = p.Grandfather;
            form.FamilyName = p.Family;
            form.Gender = p.Gender;
            form.BirthDateCalendar = CalendarKind.Gregorian;
            form.BirthDate = p.BirthDate;
            form.MaritalStatus = p.Marital;
            form.Mobile = p.Mobile;
            form.BuildingNumber = (7000 + p.IdSeed * 11).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form.Street = "شارع الأمير سلطان";
            form.District = p.District;
            form.City = "جدة";
            form.PostalCode = "23431";
            form.AdditionalNumber = (3000 + p.IdSeed).ToString(System.Globalization.CultureInfo.InvariantCulture);
            form.EmploymentStatus = p.Employment;
            form.HousingType = p.Housing;
            foreach (var (kind, amount) in p.Incomes)
            {
                form.Incomes.Single(i => i.Kind == kind).Amount = amount;
            }

            form.Members = p.Members.Select(m => new MemberForm
            {
                Name = m.Name, Relation = m.Relation, BirthDateCalendar = CalendarKind.Gregorian, BirthDate = m.BirthDate, MonthlyIncome = m.Income,
            }).ToList();
            var result = await files.CreateAsync(form, confirmSimilar: true, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }

            ids.Add(result.Id!.Value);
        }

        if (!withContacts)
        {
            return;
        }

        var tenantDb = sp.GetRequiredService<AppDbContext>();
        var officerEmail = $"officer@{domain}".ToUpperInvariant();
        var officerId = await tenantDb.Users.Where(u => u.NormalizedEmail == officerEmail).Select(u => u.Id).SingleAsync(ct);
        var log = sp.GetRequiredService<ContactLog>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ContactTimes.SaudiToday(now);
        string At(double hoursAgo) => DualDate.ToRiyadh(now.AddHours(-hoursAgo)).ToString(ContactForm.TimeFormat, System.Globalization.CultureInfo.InvariantCulture);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (Guid? File, string? CallerName, string? CallerMobile, ContactChannel Channel, ContactDirection Direction, ContactType Type, double HoursAgo, string Summary, string? Outcome, string? FollowUp)[] contacts =
        [
            (ids[0], null, null, ContactChannel.InPerson, ContactDirection.Incoming, ContactType.Request, 240, "حضر لتقديم طلب دعم للإيجار", "استلمنا صورة الهوية وعقد الإيجار", Day(3)),
            (ids[0], null, null, ContactChannel.Phone, ContactDirection.Outgoing, ContactType.FollowUp, 30, "اتصلنا لتذكيره بإحضار تعريف الراتب", "وعد بالحضور يوم الأحد", Day(0)),
            (ids[1], null, null, ContactChannel.BranchRepresentative, ContactDirection.Incoming, ContactType.Request, 120, "طلب سلة غذائية عن طريق مندوب مكتب الصفا", null, null),
            (ids[1], null, null, ContactChannel.Letter, ContactDirection.Outgoing, ContactType.FollowUp, 48, "أرسلنا خطاب إشعار باستكمال المستندات", null, Day(7)),
            (ids[2], null, null, ContactChannel.Website, ContactDirection.Incoming, ContactType.Inquiry, 72, "استفسر عبر الموقع عن برامج التأهيل", "أرسلنا له دليل الخدمات", null),
            (ids[3], null, null, ContactChannel.SocialMedia, ContactDirection.Incoming, ContactType.Suggestion, 20, "اقترحت تمديد ساعات الاستقبال مساءً", "رُفع الاقتراح للمدير التنفيذي", null),
            (ids[3], null, null, ContactChannel.AssistanceRequest, ContactDirection.Incoming, ContactType.Complaint, 3, "شكوى من تأخر الرد على طلبها", "اعتذرنا وحددنا موعدًا للمتابعة", Day(1)),
            (ids[4], null, null, ContactChannel.Volunteering, ContactDirection.Incoming, ContactType.Thanks, 96, "شكر الجمعية وعرض التطوع في توزيع السلال", null, null),
            (ids[4], null, null, ContactChannel.InPerson, ContactDirection.Incoming, ContactType.Inquiry, 2, "سأل عن موعد صرف المساعدة الموسمية", "أبلغناه بالموعد المتوقع", null),
            (null, "ماجد سعد العمري", "0559871234", ContactChannel.Phone, ContactDirection.Incoming, ContactType.Inquiry, 1, "متصل جديد يسأل عن شروط التسجيل في الجمعية", "شرحنا الشروط والمستندات المطلوبة", Day(2)),
        ];
        foreach (var c in contacts)
        {
            var result = await log.CreateAsync(new ContactForm
            {
                OccurredAt = At(c.HoursAgo),
                Channel = c.Channel,
                Direction = c.Direction,
                Type = c.Type,
                Summary = c.Summary,
                Outcome = c.Outcome,
                FollowUpOn = c.FollowUp,
                BeneficiaryId = c.File,
                CallerName = c.CallerName,
                CallerMobile = c.CallerMobile,
                IdempotencyKey = Guid.NewGuid(),
            }, officerId, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        await SeedRequestsAsync(sp, ids, officerId, today, ct);
    }

    /// <summary>
    /// Requests at every step of the intake, so a newcomer sees a living queue: a draft, one in document
    /// review, one returned for completion (an expired ID) whose applicant's question was referred to the
    /// social researcher and answered, and one verified with its decision due date.
    /// Everything goes through the same services the pages use.
    /// </summary>
    private static async Task SeedRequestsAsync(IServiceProvider sp, List<Guid> files, Guid officerId, DateOnly today, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var requests = sp.GetRequiredService<RequestCommands>();
        var documents = sp.GetRequiredService<DocumentChecks>();
        var actor = new Actor(officerId, [StaffRoles.RelationsOfficer]);
        var services = await db.SupportServices.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var types = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);

        async Task<Guid> OpenAsync(int file, string service, ContactChannel channel, string need, string? amount)
        {
            var opened = await requests.CreateAsync(new NewSupportRequest(files[file], services[service], null, channel, need, amount, Guid.NewGuid()), actor, ct);
            return opened.Id ?? throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", opened.Errors.Select(e => e.Message)));
        }

        async Task StepAsync(Guid id, RequestTrigger trigger, string? note = null)
        {
            var version = await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
            var result = await requests.TransitionAsync(id, trigger, version, note, actor, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo seeding failed: {trigger}: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        async Task CheckAsync(Guid id, string type, DateOnly? issued = null, DateOnly? expires = null)
        {
            var result = await documents.RecordAsync(id, new DocumentCheckInput(types[type], DocumentStatus.Matched, true, issued, expires, null), null, actor, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo seeding failed: document {type}: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }

        await OpenAsync(4, "FOOD-BASKET", ContactChannel.InPerson, "أسرة من خمسة أفراد بلا دخل ثابت تطلب سلة غذائية شهرية.", "350");

        var review = await OpenAsync(1, "FOOD-BASKET", ContactChannel.BranchRepresentative, "طلب سلة غذائية عن طريق مندوب مكتب حي الصفا.", null);
        await StepAsync(review, RequestTrigger.Submit);
        await CheckAsync(review, "NATIONAL-ID", expires: today.AddYears(3));

        var returned = await OpenAsync(0, "RENT-AID", ContactChannel.InPerson, "متأخر عن سداد إيجار ثلاثة أشهر ويطلب مساعدة في الإيجار.", "4500");
        await StepAsync(returned, RequestTrigger.Submit);
        await CheckAsync(returned, "NATIONAL-ID", expires: today.AddDays(-20));
        await CheckAsync(returned, "LEASE", expires: today.AddMonths(8));
        await StepAsync(returned, RequestTrigger.ReturnForCompletion, "الهوية الوطنية منتهية قبل تاريخ التقديم؛ يرجى إحضار هوية سارية وتعريف بالراتب.");

        // Policy step 3: what the desk cannot answer goes to the social researcher, whose answer the applicant receives by letter.
        var researcherEmail = await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => u.Email!).SingleAsync(ct);
        researcherEmail = ("researcher@" + researcherEmail.Split('@')[1]).ToUpperInvariant();
        var researcherId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == researcherEmail).Select(u => u.Id).SingleAsync(ct);
        var referred = await requests.ReferAsync(returned, researcherId,
            "هل يُقبل كشف حساب بنكي بدل التعريف بالراتب لمن انتقل إلى عمل جديد قبل شهرين؟ ولمن تُصرف مساعدة الإيجار؟", actor, ct);
        Ensure(referred.Succeeded, "referral", referred.Errors);
        var referralId = await db.Referrals.AsNoTracking().Where(r => r.RequestId == returned).Select(r => r.Id).SingleAsync(ct);
        var answered = await requests.AnswerReferralAsync(returned, referralId,
            "لا يغني كشف الحساب عن تعريف بالراتب من جهة العمل الحالية صادر خلال تسعين يومًا؛ وتُصرف مساعدة الإيجار للمؤجر مباشرة وفق دليل سياسة الدعم.",
            new Actor(researcherId, [StaffRoles.SocialResearcher]), ct);
        Ensure(answered.Succeeded, "referral answer", answered.Errors);

        var verified = await OpenAsync(2, "CULTURAL-COURSE", ContactChannel.Website, "يرغب في الالتحاق بدورة الخط العربي المعتمدة ويطلب دعم رسومها.", "1200");
        await StepAsync(verified, RequestTrigger.Submit);
        await CheckAsync(verified, "NATIONAL-ID", expires: today.AddYears(2));
        await CheckAsync(verified, "SALARY-CERT", issued: today.AddDays(-12));
        var applicant = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == files[2])
            .Select(b => b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName).SingleAsync(ct);
        var declared = await requests.DeclareAsync(verified, applicant, DeclarationMethod.ConfirmedOnScreen, null, actor, ct);
        if (!declared.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: declaration");
        }

        await StepAsync(verified, RequestTrigger.Verify);

        await SeedResearchCommitteeAndDeliveryAsync(sp, files, officerId, today, verified, ct);
    }

    private static readonly string[] SeatedLocalParts = ["chair", "secretary", "member", "member2"];

    /// <summary>
    /// The rest of the path (issue 4), through the same services as the pages: a request that went all the way
    /// to Closed (research, a session where three members voted and one recused, the chair's approval,
    /// registration, two deliveries); one rejected at the same session (income above the policy's threshold),
    /// so that session's minutes hold an approval and a rejection; one on the agenda of the next session; one under research; and the
    /// verified one from the intake. Their dates are then moved back as if the work had taken weeks, so the
    /// decision window has something to say: one overdue, one at risk.
    /// </summary>
    private static async Task SeedResearchCommitteeAndDeliveryAsync(IServiceProvider sp, List<Guid> files, Guid officerId, DateOnly today, Guid verified, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var requests = sp.GetRequiredService<RequestCommands>();
        var documents = sp.GetRequiredService<DocumentChecks>();
        var research = sp.GetRequiredService<ResearchCommands>();
        var sessions = sp.GetRequiredService<CommitteeSessions>();
        var voting = sp.GetRequiredService<CommitteeVoting>();
        var officer = new Actor(officerId, [StaffRoles.RelationsOfficer]);
        var services = await db.SupportServices.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var types = await db.DocumentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var staff = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id, ct);
        var researcher = new Actor(staff["researcher"], [StaffRoles.SocialResearcher]);
        var secretary = new Actor(staff["secretary"], [StaffRoles.CommitteeSecretary]);
        Actor Seat(string localPart) => new(staff[localPart], [StaffRoles.CommitteeMember]);

        async Task<Guid> VersionAsync(Guid id) => await db.SupportRequests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);

        async Task<Guid> VerifiedRequestAsync(int file, string service, ContactChannel channel, string need, string? amount, (string Type, DateOnly? Issued, DateOnly? Expires)[] checks)
        {
            var opened = await requests.CreateAsync(new NewSupportRequest(files[file], services[service], null, channel, need, amount, Guid.NewGuid()), officer, ct);
            Ensure(opened.Succeeded, "request", opened.Errors);
            var id = opened.Id!.Value;
            Ensure((await requests.TransitionAsync(id, RequestTrigger.Submit, await VersionAsync(id), null, officer, ct)).Succeeded, "submit", []);
            foreach (var (type, issued, expires) in checks)
            {
                var checkedOk = await documents.RecordAsync(id, new DocumentCheckInput(types[type], DocumentStatus.Matched, true, issued, expires, null), null, officer, ct);
                Ensure(checkedOk.Succeeded, "document " + type, checkedOk.Errors);
            }

            var applicant = await db.Beneficiaries.AsNoTracking().Where(b => b.Id == files[file])
                .Select(b => b.FirstName + " " + b.FatherName + " " + b.GrandfatherName + " " + b.FamilyName).SingleAsync(ct);
            Ensure((await requests.DeclareAsync(id, applicant, DeclarationMethod.ConfirmedOnScreen, null, officer, ct)).Succeeded, "declaration", []);
            var verifiedOk = await requests.TransitionAsync(id, RequestTrigger.Verify, await VersionAsync(id), null, officer, ct);
            Ensure(verifiedOk.Succeeded, "verify", verifiedOk.Errors);
            var assigned = await research.AssignResearcherAsync(id, researcher.UserId, await VersionAsync(id), officer, ct);
            Ensure(assigned.Succeeded, "assign researcher", assigned.Errors);
            return id;
        }

        async Task SubmitReportAsync(Guid id, string service, string situation, string findings, string needs, string? amount, ResearchRecommendation recommendation = ResearchRecommendation.Approve)
        {
            var report = new ResearchReportInput(VisitType.HomeVisit, today, situation, findings, needs, recommendation,
                recommendation == ResearchRecommendation.Reject ? [] : [services[service]], amount);
            var submitted = await research.SubmitReportAsync(id, null, await VersionAsync(id), report, researcher, ct);
            Ensure(submitted.Succeeded, "research report", submitted.Errors);
        }

        // A. All the way: rent assistance for نورة الشهري, decided, registered, paid in two instalments, closed.
        var rentChecks = new (string, DateOnly?, DateOnly?)[]
        {
            ("NATIONAL-ID", null, today.AddYears(2)), ("FAMILY-RECORD", null, null), ("LEASE", null, today.AddMonths(9)), ("SALARY-CERT", today.AddDays(-10), null),
        };
        var closed = await VerifiedRequestAsync(3, "RENT-AID", ContactChannel.InPerson, "مطلقة تعول ثلاثة أبناء، متأخرة عن سداد إيجار ستة أشهر وتطلب المساعدة في الإيجار.", "3000", rentChecks);
        await SubmitReportAsync(closed, "RENT-AID",
            "أم مطلقة تعول ثلاثة أبناء في شقة مستأجرة بحي الحمدانية.",
            "الدخل من عمل حر متقطع وحساب المواطن لا يغطي الإيجار؛ عقد الإيجار ساري وإنذار المؤجر مرفق.",
            "سداد جزء من الإيجار المتأخر على دفعتين.",
            "3000");
        // A2. Researched and found above the policy's threshold: rejected at the same session, so its minutes hold two decisions.
        var rejected = await VerifiedRequestAsync(0, "TALENT-CARE", ContactChannel.InPerson, "يطلب رعاية موهبة ابنه سالم في الخط العربي بتوفير الأدوات ورسوم دورة متقدمة.", "2500",
            [("NATIONAL-ID", null, today.AddYears(10)), ("FAMILY-RECORD", null, null)]);
        await SubmitReportAsync(rejected, "TALENT-CARE",
            "أسرة من أربعة أفراد: الأب موظف، والأم ربة منزل، وابن وابنة في التعليم العام، في شقة مستأجرة بحي الحمدانية.",
            "الابن سالم موهوب في الخط العربي وحصل على مركز متقدم في مسابقة مدرسية؛ دخل الأسرة الشهري 4920 ريالًا (راتب 4200 وحساب المواطن 720) بمتوسط 1230 ريالًا للفرد، وهو أعلى من حد الاستحقاق في دليل سياسة الدعم للمستخدمين.",
            "رعاية موهبة الابن في الخط العربي: أدوات ودورة متقدمة.",
            null, ResearchRecommendation.Reject);

        // Sessions meet on working days (Sunday to Thursday): the last one on or before today, the next one from the day after tomorrow.
        var lastMeeting = today;
        while (!DecisionWindow.IsWorkingDay(lastMeeting))
        {
            lastMeeting = lastMeeting.AddDays(-1);
        }

        var nextMeeting = today.AddDays(2);
        while (!DecisionWindow.IsWorkingDay(nextMeeting))
        {
            nextMeeting = nextMeeting.AddDays(1);
        }

        var first = await sessions.CreateAsync(new NewCommitteeSession(lastMeeting, "مقر الجمعية — قاعة الاجتماعات"), secretary, ct);
        Ensure(first.Succeeded, "session", first.Errors);
        var present = SeatedLocalParts.Select(p => staff[p]).ToList();
        Ensure((await sessions.RecordAttendanceAsync(first.Id!.Value, present, secretary, ct)).Succeeded, "attendance", []);
        var item = await sessions.AddItemAsync(first.Id.Value, closed, secretary, ct);
        Ensure(item.Succeeded, "agenda item", item.Errors);
        var itemId = item.Id!.Value;
        foreach (var (localPart, choice, reason) in new[]
                 {
                     ("member", VoteChoice.Approve, "الحالة مستحقة والمستندات مكتملة."),
                     ("secretary", VoteChoice.Approve, "أوافق على توصية الباحث."),
                     ("member2", VoteChoice.Recuse, "تربطني بالمستفيدة صلة قرابة؛ أتنحى عن التصويت."),
                     ("chair", VoteChoice.Approve, "أوافق بالمبلغ الموصى به على دفعتين."),
                 })
        {
            var vote = await voting.VoteAsync(itemId, choice, reason, Seat(localPart), ct);
            Ensure(vote.Result.Succeeded, "vote", vote.Result.Errors);
        }

        var itemVersion = await db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(ct);
        var decided = await voting.CloseAsync(itemId, new CloseItem(CommitteeDecision.Approve, "استيفاء شروط سياسة الدعم وتوصية الباحث الاجتماعي.", [services["RENT-AID"]], "3000", itemVersion), Seat("chair"), ct);
        Ensure(decided.Succeeded, "decision", decided.Errors);

        var second = await sessions.AddItemAsync(first.Id.Value, rejected, secretary, ct);
        Ensure(second.Succeeded, "agenda item", second.Errors);
        var secondId = second.Id!.Value;
        foreach (var (localPart, choice, reason) in new[]
                 {
                     ("member", VoteChoice.Reject, "الدخل أعلى من حد الاستحقاق في دليل سياسة الدعم."),
                     ("secretary", VoteChoice.Reject, "أوافق على توصية الباحث بالرفض."),
                     ("member2", VoteChoice.Approve, "الموهبة واعدة وتستحق الرعاية ولو بجزء من الرسوم."),
                     ("chair", VoteChoice.Reject, "لا تنطبق شروط البرنامج على دخل الأسرة."),
                 })
        {
            var vote = await voting.VoteAsync(secondId, choice, reason, Seat(localPart), ct);
            Ensure(vote.Result.Succeeded, "vote", vote.Result.Errors);
        }

        var secondVersion = await db.AgendaItems.AsNoTracking().Where(i => i.Id == secondId).Select(i => i.Version).SingleAsync(ct);
        var refused = await voting.CloseAsync(secondId, new CloseItem(CommitteeDecision.Reject,
            "يتجاوز متوسط دخل الفرد في الأسرة (1230 ريالًا شهريًا) حد الاستحقاق المعتمد لبرنامج رعاية الموهوبين في دليل سياسة الدعم للمستخدمين؛ ويمكن للأسرة التقدم بطلب جديد إذا تغيّر دخلها.",
            [], null, secondVersion), Seat("chair"), ct);
        Ensure(refused.Succeeded, "rejection", refused.Errors);
        Ensure((await sessions.CloseAsync(first.Id.Value, secretary, ct)).Succeeded, "session close", []);
        var registered = await sp.GetRequiredService<RegistrationCommands>().RegisterAsync(closed, today, today.AddYears(1).AddDays(-1), await VersionAsync(closed), officer, ct);
        Ensure(registered.Succeeded, "registration", registered.Errors);
        foreach (var reference in new[] { "حوالة بنكية للمؤجر رقم 884120", "حوالة بنكية للمؤجر رقم 884377" })
        {
            var delivered = await sp.GetRequiredService<DeliveryCommands>().RecordAsync(
                new NewDelivery(closed, services["RENT-AID"], null, "1500", today, ReceiptKind.Note, reference, Guid.NewGuid()), null, await VersionAsync(closed), officer, ct);
            Ensure(delivered.Succeeded, "delivery", delivered.Errors);
        }

        // B. On the agenda of the next session: the secretary records who came, then the members vote.
        var queued = await VerifiedRequestAsync(4, "FOOD-BASKET", ContactChannel.Phone, "متقاعد يعول زوجته وحفيدين، ويطلب سلة غذائية شهرية.", "350",
            [("NATIONAL-ID", null, today.AddYears(4)), ("FAMILY-RECORD", null, null)]);
        await SubmitReportAsync(queued, "FOOD-BASKET",
            "متقاعد وزوجته مع حفيدين يتيمين في منزل مملوك قديم.",
            "المعاش التقاعدي يذهب أغلبه لعلاج الزوجة.",
            "سلة غذائية شهرية لمدة ستة أشهر.",
            null);
        var next = await sessions.CreateAsync(new NewCommitteeSession(nextMeeting, "مقر الجمعية — قاعة الاجتماعات"), secretary, ct);
        Ensure(next.Succeeded, "session", next.Errors);
        Ensure((await sessions.AddItemAsync(next.Id!.Value, queued, secretary, ct)).Succeeded, "agenda item", []);

        // C. Under research, with the researcher's draft.
        var underResearch = await VerifiedRequestAsync(1, "FOOD-BASKET", ContactChannel.BranchRepresentative, "أرملة تطلب سلة غذائية شهرية عن طريق مندوب مكتب الصفا.", null,
            [("NATIONAL-ID", null, today.AddYears(1)), ("FAMILY-RECORD", null, null)]);
        var draft = await research.SaveReportAsync(underResearch, null,
            new ResearchReportInput(VisitType.PhoneCall, today, "أرملة تسكن في سكن خيري.", "بانتظار زيارة منزلية للتحقق من الدخل.", "سلة غذائية شهرية.", null, [], null), researcher, ct);
        Ensure(draft.Succeeded, "draft report", draft.Errors);

        // The work took time: A was verified ten days ago (decided within its window), B nine days ago,
        // C sixteen days ago (overdue) and the intake's verified request eleven days ago (due in three days).
        await AgeAsync(db, closed, 10, ct);
        await AgeAsync(db, queued, 9, ct);
        await AgeAsync(db, underResearch, 16, ct);
        await AgeAsync(db, verified, 11, ct);
    }

    /// <summary>Moves a seeded request's own dates back, as if it had been received and verified <paramref name="days"/> days ago.</summary>
    private static async Task AgeAsync(AppDbContext db, Guid requestId, int days, CancellationToken ct)
    {
        // A bulk update passes no SaveChanges: the decision summary gets the due date's move by hand (Tallies), in
        // the update's transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await db.SupportRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new RequestFigures(r.TenantId, r.ServiceId, r.BranchId, r.Channel, r.State, r.SubmittedOn, r.VerifiedOn, r.DecidedOn, r.DecisionDueOn))
            .SingleAsync(ct);
        await db.SupportRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.CreatedAtUtc, r => r.CreatedAtUtc.AddDays(-days))
            .SetProperty(r => r.SubmittedOn, r => r.SubmittedOn!.Value.AddDays(-days))
            .SetProperty(r => r.VerifiedOn, r => r.VerifiedOn!.Value.AddDays(-days))
            .SetProperty(r => r.DecisionDueOn, r => r.DecisionDueOn!.Value.AddDays(-days))
            // The queue's order follows the due date while the decision is awaited (SupportRequest.QueueOrder).
            .SetProperty(r => r.QueueOrder, r => r.QueueOrder == r.DecisionDueOn ? r.DecisionDueOn!.Value.AddDays(-days) : r.QueueOrder), ct);
        // Only the intake steps move back; what happened since (research, committee, delivery) keeps its time.
        await db.RequestHistory.Where(h => h.RequestId == requestId && (h.To == RequestState.Draft || h.To == RequestState.DocumentsReview || h.To == RequestState.Verified))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.AtUtc, h => h.AtUtc.AddDays(-days)), ct);
        await db.Declarations.Where(d => d.RequestId == requestId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AtUtc, d => d.AtUtc.AddDays(-days)), ct);
        await db.DocumentChecks.Where(c => c.RequestId == requestId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedAtUtc, c => c.CheckedAtUtc.AddDays(-days)), ct);
        await Tallies.AdjustDecisionAsync(db, before.TenantId, (before.DecidedOn, before.DecisionDueOn),
            (before.DecidedOn, before.DecisionDueOn?.AddDays(-days)), ct);
        await Tallies.AdjustRequestAsync(db, before, before with
        {
            SubmittedOn = before.SubmittedOn?.AddDays(-days),
            VerifiedOn = before.VerifiedOn?.AddDays(-days),
            DecisionDueOn = before.DecisionDueOn?.AddDays(-days),
        }, ct);
        await tx.CommitAsync(ct);
    }

    private static void Ensure(bool succeeded, string step, IReadOnlyList<(string Field, string Message)> errors)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed: {step}: " + string.Join("; ", errors.Select(e => e.Message)));
        }
    }

    private static readonly (string Code, string NameAr, string NameEn, bool HasExpiry, int? MaxAgeDays)[] DemoDocumentTypes =
    [
        ("NATIONAL-ID", "الهوية الوطنية / الإقامة", "National ID / iqama", true, null),
        ("FAMILY-RECORD", "صك الإعالة / سجل الأسرة", "Dependency deed / family record", false, null),
        ("SALARY-CERT", "تعريف بالراتب", "Salary certificate", false, 90),
        ("LEASE", "عقد الإيجار", "Lease contract", true, null),
        ("MEDICAL-REPORT", "تقرير طبي", "Medical report", false, 180),
        ("SOCIAL-SECURITY", "شهادة الضمان الاجتماعي", "Social security certificate", false, 90),
    ];

    private static readonly (string Code, string NameAr, string NameEn, string Description, string? Amount, string[] Mandatory, string[] Optional)[] DemoServices =
    [
        ("FOOD-BASKET", "سلة غذائية", "Food basket", "سلة غذائية شهرية للأسر المستحقة.", "350",
            ["NATIONAL-ID", "FAMILY-RECORD"], ["SALARY-CERT", "SOCIAL-SECURITY"]),
        ("RENT-AID", "مساعدة إيجار", "Rent assistance", "مساعدة في سداد الإيجار تُصرف للمؤجر مباشرة.", "5000",
            ["NATIONAL-ID", "FAMILY-RECORD", "LEASE", "SALARY-CERT"], ["SOCIAL-SECURITY"]),
        ("TALENT-CARE", "رعاية الموهوبين", "Talent sponsorship", "رعاية الموهوبين من أبناء الأسر المستفيدة في الفنون والآداب والتراث.", null,
            ["NATIONAL-ID", "FAMILY-RECORD"], ["MEDICAL-REPORT"]),
        ("CULTURAL-COURSE", "دعم دورة ثقافية", "Cultural course sponsorship", "رسوم دورة ثقافية أو تراثية معتمدة (الخط العربي، الحرف اليدوية، الشعر).", "1200",
            ["NATIONAL-ID", "SALARY-CERT"], ["SOCIAL-SECURITY"]),
    ];

    private static void EnsureSucceeded(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
    }
}
