using AngleSharp.Dom;
using System.Net;
using System.Text;
using Juthuruna.Common.Spreadsheets;
using Juthuruna.Features.Import;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juthuruna.IntegrationTests.Import.TestWorkbook;

namespace Juthuruna.IntegrationTests.Import;

/// <summary>The application with the import runner off: tests run each queued job themselves, with batches of two files.</summary>
public sealed class ImportAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Import:RunInBackground", "false");
        builder.UseSetting("Import:BatchSize", "2");
        builder.UseSetting("Import:MaxBytes", "6000000");
    }
}

/// <summary>الإدارة ← استيراد: template, dry run, refused rows, commit, duplicates, bad workbooks and tenant scope, over HTTP.</summary>
public sealed class ImportTests(ImportAppFactory factory) : IClassFixture<ImportAppFactory>
{
    private const string Page = "/Import";
    private const string UploadForm = "form[data-testid=import-upload]";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static int _next = 70_000;

    private static string NewId() => TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));

    private static async Task<HttpResponseMessage> UploadAsync(StaffClient client, byte[] bytes, string name = "records.xlsx", string type = Xlsx) =>
        await client.UploadAsync(Page, UploadForm, "workbook", name, bytes, type);

    private static Guid JobIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/Import/Job/".Length..]);
    }

    private async Task<ImportJob> StartAndRunAsync(StaffClient client, TestTenant tenant, Guid jobId, bool updateExisting = false, bool allOrNothing = false)
    {
        var fields = new Dictionary<string, string>();
        if (updateExisting)
        {
            fields["UpdateExisting"] = "true";
        }

        if (allOrNothing)
        {
            fields["AllOrNothing"] = "true";
        }

        var started = await client.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-start]", fields);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        await RunAsync(tenant, jobId);
        return await factory.QueryAsync(tenant.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
    }

    private Task RunAsync(TestTenant tenant, Guid jobId) =>
        factory.InTenantAsync(tenant.Id, sp => sp.GetRequiredService<ImportCommitter>().RunAsync(jobId, CancellationToken.None));

    [Fact]
    public async Task Import_template_has_three_right_to_left_sheets_with_arabic_headers_an_example_and_allowed_values()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        var response = await admin.Http.GetAsync($"{Page}?handler=Template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = Read(bytes);
        Assert.Equal([FilesSheet, MembersSheet, AidSheet, "التعليمات"], sheets.Keys);
        Assert.Equal("نوع الهوية", sheets[FilesSheet][0]["A"]);
        Assert.Equal("رقم الهوية", sheets[FilesSheet][0]["B"]);
        Assert.Equal("هوية وطنية", sheets[FilesSheet][1]["A"]);
        Assert.Equal("رقم هوية صاحب الملف", sheets[MembersSheet][0]["A"]);
        Assert.True(IsRightToLeft(bytes, FilesSheet));
        Assert.Contains(sheets["التعليمات"], r => r.GetValueOrDefault("C", "").Contains("متزوج/متزوجة", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_template_filled_as_downloaded_passes_the_dry_run()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var template = await admin.Http.GetByteArrayAsync($"{Page}?handler=Template");

        var jobId = JobIdOf(await UploadAsync(admin, template));

        var job = await factory.QueryAsync(tenant.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));

        Assert.Equal((1, 0, 1, 0, 1, 0), (job.FilesValid, job.FilesRefused, job.MembersValid, job.MembersRefused, job.AidValid, job.AidRefused));
    }

    [Fact]
    public async Task Import_dry_run_reports_each_refused_cell_with_its_reason_and_writes_no_file()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var good = NewId();
        var badCheckDigit = good[..9] + (char)('0' + ((good[9] - '0' + 1) % 10));
        var workbook = Standard(
            [FileRow(good), FileRow(badCheckDigit), FileRow(NewId(), mobile: "12345"), FileRow(NewId(), birth: "١٤٠٥/١٣/٠١")]).ToBytes();

        var jobId = JobIdOf(await UploadAsync(admin, workbook));

        var page = await admin.GetDocumentAsync($"/Import/Job/{jobId}");
        Assert.Equal("1", page.QuerySelector("[data-testid=files-valid]")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("[data-testid=files-refused]")!.TextContent.Trim());
        var problems = page.QuerySelector("[data-testid=import-problems]")!.TextContent;
        Assert.Contains("رقم التحقق", problems, StringComparison.Ordinal);
        Assert.Contains("جوال", problems, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));

        var refused = Read(await admin.Http.GetByteArrayAsync($"/Import/Job/{jobId}?handler=Refused"));
        var rows = refused[FilesSheet];
        Assert.Equal(4, rows.Count); // header + three refused rows
        Assert.Equal("الصف في الملف المرفوع", rows[0]["A"]);
        Assert.Equal("رقم الهوية", rows[0]["D"]);
        Assert.Equal("سبب الرفض: رقم الهوية", rows[0]["E"]);
        Assert.Equal("3", rows[1]["A"]);
        Assert.Equal(badCheckDigit, rows[1]["D"]);
        Assert.Contains("رقم التحقق", rows[1]["E"], StringComparison.Ordinal);
        Assert.False(rows[1].ContainsKey("W"), "no reason beside the valid mobile");
        Assert.Contains("جوال", rows[2]["W"], StringComparison.Ordinal); // the mobile is column K → reason in W
        Assert.Contains("التاريخ", rows[3]["Q"], StringComparison.Ordinal); // the birth date is column H → reason in Q
    }

    [Fact]
    public async Task Import_commit_creates_numbered_files_with_members_and_past_aid_and_a_second_import_creates_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var (a, b, c, son) = (NewId(), NewId(), NewId(), NewId());
        var workbook = Standard([FileRow(a), FileRow(b, first: "خالد"), FileRow(c, first: "سالم")],
            [MemberRow(a, "نورة محمد الحربي", null, "ابنة"), MemberRow(a, "فهد محمد الحربي", son)],
            [AidRow(a), AidRow(b, "2023-01-15", "إيجار شهرين", "3000")]).ToBytes();

        var job = await StartAndRunAsync(admin, tenant, JobIdOf(await UploadAsync(admin, workbook, "سجلات الجمعية.xlsx")));

        Assert.Equal((ImportStatus.Completed, 3, 2), (job.Status, job.FilesCreated, job.Batches));
        var files = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().Include(x => x.HouseholdMembers).OrderBy(x => x.FileNumber).ToListAsync());
        Assert.Equal(["B-000001", "B-000002", "B-000003"], files.Select(f => f.FileNumber));
        var first = files.Single(f => f.IdentityNumber == a);
        Assert.Equal(2, first.HouseholdMembers.Count);
        Assert.Contains(first.HouseholdMembers, m => m.IdentityNumber == son);
        Assert.StartsWith("مستورد من سجلات الجمعية.xlsx في", first.Notes, StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(tenant.Id, db => db.PastAid.CountAsync()));
        Assert.Equal(2, await factory.QueryAsync(tenant.Id, db => db.AuditEntries.CountAsync(e => e.EntityType == "ImportJob" && e.EntityId == job.Id.ToString())));

        // The committee reads the past aid from the file.
        using var member = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeMember).Email);
        var aid = await member.GetDocumentAsync($"/Beneficiaries/PastAid/{first.Id}");
        Assert.Contains("سلة غذائية", aid.QuerySelector("[data-testid=past-aid]")!.TextContent, StringComparison.Ordinal);

        // The same workbook again: everything matches by identity number; nothing new.
        var againId = JobIdOf(await UploadAsync(admin, workbook));
        var again = await factory.QueryAsync(tenant.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == againId));
        Assert.Equal((0, 3, 0), (again.FilesValid, again.FilesExisting, again.FilesRefused));
        var second = await StartAndRunAsync(admin, tenant, again.Id);
        Assert.Equal((ImportStatus.Completed, 0, 0), (second.Status, second.FilesCreated, second.FilesUpdated));
        Assert.Equal(3, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
        Assert.Equal(2, await factory.QueryAsync(tenant.Id, db => db.PastAid.CountAsync()));
    }

    [Fact]
    public async Task Import_update_existing_changes_matched_files_and_roll_back_restores_them()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = NewId();
        await StartAndRunAsync(admin, tenant, JobIdOf(await UploadAsync(admin, Standard([FileRow(id, mobile: "0551234567")]).ToBytes())));

        var update = await StartAndRunAsync(admin, tenant, JobIdOf(await UploadAsync(admin, Standard([FileRow(id, mobile: "0559876543")]).ToBytes())), updateExisting: true);

        Assert.Equal((0, 1), (update.FilesCreated, update.FilesUpdated));
        Assert.Equal("+966559876543", await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Select(b => b.Mobile).SingleAsync()));

        var rollback = await admin.SubmitFormAsync($"/Import/Job/{update.Id}", "form[action*=Rollback], form:has([data-testid=import-rollback])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        await RunAsync(tenant, update.Id);
        Assert.Equal("+966551234567", await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Select(b => b.Mobile).SingleAsync()));
        Assert.Equal(ImportStatus.RolledBack, await factory.QueryAsync(tenant.Id, db => db.ImportJobs.Where(j => j.Id == update.Id).Select(j => j.Status).SingleAsync()));
    }

    [Fact]
    public async Task Import_refuses_duplicates_in_the_file_and_against_the_association_as_holder_and_member()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        // An existing file whose household lists a member.
        var existingMember = NewId();
        var fields = TestBeneficiaries.Fields();
        fields["Input.Members[0].Name"] = "سارة أحمد الغامدي";
        fields["Input.Members[0].Relation"] = "Daughter";
        fields["Input.Members[0].IdentityType"] = "NationalId";
        fields["Input.Members[0].IdentityNumber"] = existingMember;
        await TestBeneficiaries.CreateAsync(officer, fields);
        var existingHolder = fields["Input.IdentityNumber"];

        var (twice, holderAndMember, ok, withExistingHolderAsMember) = (NewId(), NewId(), NewId(), NewId());
        var workbook = Standard(
            [FileRow(twice), FileRow(twice), FileRow(holderAndMember), FileRow(ok), FileRow(existingMember), FileRow(withExistingHolderAsMember)],
            [MemberRow(ok, "علي الحربي", holderAndMember), MemberRow(withExistingHolderAsMember, "أحمد الغامدي", existingHolder)]).ToBytes();

        var jobId = JobIdOf(await UploadAsync(admin, workbook));

        var job = await factory.QueryAsync(tenant.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
        Assert.Equal((0, 6, 2), (job.FilesValid, job.FilesRefused, job.MembersRefused));
        var reasons = Read(await admin.Http.GetByteArrayAsync($"/Import/Job/{jobId}?handler=Refused"))[FilesSheet].Skip(1).ToDictionary(r => r["A"], r => r["E"]);
        Assert.Contains("الصف 3", reasons["2"], StringComparison.Ordinal);          // twice: row 2 names row 3
        Assert.Contains("فرد في أسرة أيضًا", reasons["4"], StringComparison.Ordinal); // holder here, member there
        Assert.Contains("B-000001", reasons["6"], StringComparison.Ordinal);         // a member of an existing file
        Assert.Contains("رُفض أحد أفراد", reasons["7"], StringComparison.Ordinal);  // its member has their own file
    }

    [Fact]
    public async Task Import_all_or_nothing_refuses_to_start_when_rows_are_refused_and_imports_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var jobId = JobIdOf(await UploadAsync(admin, Standard([FileRow(NewId()), FileRow("123")]).ToBytes()));

        var started = await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-start]", new Dictionary<string, string> { ["AllOrNothing"] = "true" });

        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
        Assert.Contains("الكل أو لا شيء", (await StaffClient.ParseAsync(started)).QuerySelector("[data-testid=import-error]")!.TextContent, StringComparison.Ordinal);
        await RunAsync(tenant, jobId);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
    }

    [Fact]
    public async Task Import_cancelled_between_batches_keeps_whole_files_and_resumes_where_it_stopped()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var ids = Enumerable.Range(0, 5).Select(_ => NewId()).ToList();
        var jobId = JobIdOf(await UploadAsync(admin, Standard(ids.Select(i => FileRow(i)).ToArray(), ids.Select(i => MemberRow(i, "عضو الأسرة", null)).ToArray()).ToBytes()));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-start]", new Dictionary<string, string>())).StatusCode);
        // Cancel before the runner starts: it stops at its first check, before any batch.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form:has([data-testid=import-cancel])", new Dictionary<string, string>())).StatusCode);

        await RunAsync(tenant, jobId);

        Assert.Equal(ImportStatus.Cancelled, await factory.QueryAsync(tenant.Id, db => db.ImportJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form:has([data-testid=import-resume])", new Dictionary<string, string>())).StatusCode);
        await RunAsync(tenant, jobId);

        var files = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().Include(b => b.HouseholdMembers).ToListAsync());
        Assert.Equal(5, files.Count);
        Assert.All(files, f => Assert.Single(f.HouseholdMembers));
        var page = await admin.GetDocumentAsync($"/Import/Job/{jobId}");
        Assert.Equal("100", page.QuerySelector("[data-testid=import-progress]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Import_left_running_by_a_process_that_died_is_shown_interrupted_and_a_queued_one_is_signalled_again()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var ids = Enumerable.Range(0, 3).Select(_ => NewId()).ToList();
        var dead = JobIdOf(await UploadAsync(admin, Standard(ids.Select(i => FileRow(i)).ToArray()).ToBytes()));
        var queued = JobIdOf(await UploadAsync(admin, Standard([FileRow(NewId())]).ToBytes()));
        foreach (var jobId in new[] { dead, queued })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-start]", new Dictionary<string, string>())).StatusCode);
        }

        // The process that claimed the first job was killed: its row says Running and has not moved for eleven minutes.
        var lastBatch = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-11);
        await factory.QueryAsync(tenant.Id, db => db.ImportJobs.Where(j => j.Id == dead)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.UpdatedAtUtc, lastBatch)));

        var recovered = await factory.Services.GetRequiredService<ImportRecovery>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(new ImportRecovered(Interrupted: 1, Signalled: 1), recovered[tenant.Id]);
        var page = await admin.GetDocumentAsync($"/Import/Job/{dead}");
        Assert.Contains("انقطع الاستيراد", page.QuerySelector("[data-testid=import-job-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/Import/Job/{dead}", "form:has([data-testid=import-resume])", new Dictionary<string, string>())).StatusCode);
        await RunAsync(tenant, dead);
        await RunAsync(tenant, queued);
        Assert.Equal(4, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));

        // A second pass finds nothing left to do.
        Assert.Equal(new ImportRecovered(0, 0), (await factory.Services.GetRequiredService<ImportRecovery>().RunOnceAsync(CancellationToken.None))[tenant.Id]);
    }

    [Fact]
    public async Task Import_file_with_other_headers_is_mapped_once_and_the_mapping_is_remembered()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        // The association's old system calls the identity column "السجل المدني" and the mobile "رقم الجوال".
        var headers = FileHeaders.Select(h => h switch { "رقم الهوية" => "السجل المدني", "الجوال" => "رقم الجوال", _ => h }).ToArray();
        byte[] Workbook() => new TestWorkbook().Sheet(FilesSheet, headers, FileRow(NewId())).ToBytes();

        var jobId = JobIdOf(await UploadAsync(admin, Workbook()));

        var page = await admin.GetDocumentAsync($"/Import/Job/{jobId}");
        Assert.Contains("رقم الهوية", page.QuerySelector("[data-testid=import-job-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("[data-testid=map-Files-IdentityNumber]")!.Value);
        var forged = await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-map]", new Dictionary<string, string> { ["Map[Files-IdentityNumber]"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("غير موجود في الملف", (await StaffClient.ParseAsync(forged)).QuerySelector("[data-testid=import-error]")!.TextContent, StringComparison.Ordinal);
        var mapped = await admin.SubmitFormAsync($"/Import/Job/{jobId}", "form[data-testid=import-map]", new Dictionary<string, string>
        {
            ["Map[Files-IdentityNumber]"] = "1",
            ["Map[Files-Mobile]"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var job = await factory.QueryAsync(tenant.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
        Assert.Equal((ImportStatus.Validated, 1, 0), (job.Status, job.FilesValid, job.FilesRefused));

        // The next file with the same headers goes straight to its report.
        var nextId = JobIdOf(await UploadAsync(admin, Workbook()));
        Assert.Equal(ImportStatus.Validated, await factory.QueryAsync(tenant.Id, db => db.ImportJobs.Where(j => j.Id == nextId).Select(j => j.Status).SingleAsync()));
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "empty", "records.xlsx", "فارغ" },
        { "corrupt", "records.xlsx", "تعذّرت قراءة المصنف" },
        { "password", "records.xlsx", "محمي بكلمة مرور" },
        { "wrong-sheet", "records.xlsx", "لا توجد في المصنف ورقة باسم" },
        { "too-large", "records.xlsx", "حجم الملف أكبر من المسموح" },
        { "formula", "records.xlsx", "فيها معادلة" },
        { "million-empty-rows", "records.xlsx", "لا توجد صفوف تحت عناوين" },
        { "windows-1256", "records.csv", "Windows-1256" },
        { "not-a-workbook", "records.pdf", "ليس مصنف Excel" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_bad_file_gets_an_arabic_message_and_nothing_is_written(string kind, string fileName, string message)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var bytes = BadFile(kind);

        var response = await UploadAsync(admin, bytes, fileName);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-testid=import-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.ImportJobs.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
        var folder = Path.Combine(factory.StorageRoot, tenant.Id.ToString("N"), "imports");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "no upload left behind");
    }

    private static byte[] BadFile(string kind)
    {
        switch (kind)
        {
            case "empty":
                return [];
            case "corrupt":
                var zip = Standard([FileRow(NewId())]).ToBytes();
                return zip[..(zip.Length / 2)];
            case "password":
                // An encrypted workbook is an OLE compound file (what Excel writes with "Encrypt with password").
                return [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]];
            case "wrong-sheet":
                return new TestWorkbook().Sheet("Sheet1", FileHeaders, FileRow(NewId())).ToBytes();
            case "too-large":
                return Encoding.UTF8.GetBytes(new string('x', 6_100_000));
            case "formula":
                return Standard([FileRow(NewId()), ["هوية وطنية", "=1+1", "محمد"]]).ToBytes(formulas: true);
            case "million-empty-rows":
                return MillionEmptyRows();
            case "windows-1256":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1256).GetBytes(string.Join(',', FileHeaders) + "\r\n" + string.Join(',', FileRow(NewId())) + "\r\n");
            default:
                return Encoding.ASCII.GetBytes("%PDF-1.7\n");
        }
    }

    /// <summary>A files sheet with its headers and then 1,048,575 empty rows (Excel's last row is 1,048,576), streamed out.</summary>
    private static byte[] MillionEmptyRows()
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream))
        {
            writer.BeginSheet(FilesSheet, []);
            writer.WriteRow(FileHeaders);
            for (var i = 0; i < 1_048_575; i++)
            {
                writer.WriteRow(Array.Empty<string?>());
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task Import_csv_in_utf8_with_a_bom_and_arabic_digits_is_read()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = NewId();
        var arabicDigits = string.Concat(id.Select(c => (char)('٠' + (c - '0'))));
        var row = FileRow(arabicDigits).Select(v => $"\"{v}\"");
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(',', FileHeaders) + "\r\n" + string.Join(',', row) + "\r\n")).ToArray();

        var job = await StartAndRunAsync(admin, tenant, JobIdOf(await UploadAsync(admin, csv, "records.csv", "text/csv")));

        Assert.Equal(1, job.FilesCreated);
        Assert.Equal(id, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Select(b => b.IdentityNumber).SingleAsync()));
    }

    [Fact]
    public async Task Import_another_associations_data_never_matches_and_its_jobs_are_not_found()
    {
        var mine = await factory.CreateTenantAsync();
        var theirs = await factory.CreateTenantAsync();
        using var myAdmin = await factory.SignInAsync(mine.Admin.Email);
        using var theirAdmin = await factory.SignInAsync(theirs.Admin.Email);
        var id = NewId();
        var workbook = Standard([FileRow(id, first: "سعد")], [], []).ToBytes();
        var theirJob = await StartAndRunAsync(theirAdmin, theirs, JobIdOf(await UploadAsync(theirAdmin, Standard([FileRow(id), FileRow(NewId(), first: "x1")]).ToBytes())));
        Assert.Equal(1, theirJob.FilesCreated);

        var myJobId = JobIdOf(await UploadAsync(myAdmin, workbook));

        var myJob = await factory.QueryAsync(mine.Id, db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == myJobId));
        Assert.Equal((1, 0), (myJob.FilesValid, myJob.FilesExisting));
        Assert.Equal(HttpStatusCode.NotFound, (await myAdmin.Http.GetAsync($"/Import/Job/{theirJob.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await myAdmin.Http.GetAsync($"/Import/Job/{theirJob.Id}?handler=Refused")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await myAdmin.PostWithTokenAsync($"/Import/Job/{theirJob.Id}?handler=Rollback")).StatusCode);
        Assert.Equal(ImportStatus.Completed, await factory.QueryAsync(theirs.Id, db => db.ImportJobs.Where(j => j.Id == theirJob.Id).Select(j => j.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(StaffRoles.Manager, HttpStatusCode.OK)]
    [InlineData(StaffRoles.TenantAdmin, HttpStatusCode.OK)]
    [InlineData(StaffRoles.RelationsOfficer, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.CommitteeMember, HttpStatusCode.Forbidden)]
    public async Task Import_page_is_for_the_administrator_and_the_manager(string role, HttpStatusCode expected)
    {
        var tenant = await factory.CreateTenantAsync();
        using var user = await factory.SignInAsync(tenant.User(role).Email);

        var response = await user.Http.GetAsync(Page);

        Assert.Equal(expected, response.StatusCode);
    }
}
