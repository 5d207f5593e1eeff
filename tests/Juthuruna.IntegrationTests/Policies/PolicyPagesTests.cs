using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Features.Policies;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Policies;

/// <summary>The policy documents: the administrator writes and records approvals; every association role reads the version in force.</summary>
[Collection(SharedApp.Administration)]
public sealed class PolicyPagesTests(AppFactory factory)
{
    private const string FirstText = "# دليل سياسة الدعم\n\n## الاستحقاق\n\nيُبلَّغ المستفيد بالقرار خلال أسبوعين.\n";
    private const string SecondText = "# دليل سياسة الدعم\n\n## الاستحقاق\n\nيُبلَّغ المستفيد بالقرار خلال عشرة أيام عمل.\n";

    private static string EditUrl(Guid id) => $"/Policies/Edit/{id}";

    private static string DetailsUrl(Guid id) => $"/Policies/Details/{id}";

    /// <summary>
    /// Posts a form with <paramref name="text"/> typed in its textarea (the client's field overrides split values on
    /// line breaks, so multi-line text goes through the textarea itself).
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitTextAsync(StaffClient client, string url, IHtmlFormElement form, string text, Dictionary<string, string>? fields = null)
    {
        form.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Text']")!.Value = text;
        return await client.SubmitAsync(form, url, fields ?? []);
    }

    private static async Task<HttpResponseMessage> SaveDraftAsync(StaffClient admin, Guid id, string text) =>
        await SubmitTextAsync(admin, EditUrl(id), (await admin.GetDocumentAsync(EditUrl(id))).QuerySelector<IHtmlFormElement>("[data-testid=draft-form]")!, text);

    /// <summary>The administrator creates the support policy guide through the page; its id.</summary>
    private static async Task<Guid> CreateGuideAsync(StaffClient admin, string text = FirstText)
    {
        var page = await admin.GetDocumentAsync("/Policies/Create");
        var created = await SubmitTextAsync(admin, "/Policies/Create", page.QuerySelector<IHtmlFormElement>("[data-testid=create-form]")!, text, new Dictionary<string, string>
        {
            ["Input.TitleAr"] = "دليل سياسة الدعم للمستفيدين",
            ["Input.TitleEn"] = "Support policy guide",
            ["Input.Kind"] = nameof(PolicyKind.SupportPolicyGuide),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> ApproveAsync(StaffClient admin, Guid id, string session, string date, string calendar = "Hijri") =>
        await admin.SubmitFormAsync(EditUrl(id), "[data-testid=approve-form]", new Dictionary<string, string>
        {
            ["Approval.BoardSession"] = session,
            ["Approval.Calendar"] = calendar,
            ["Approval.ApprovedOn"] = date,
        });

    [Fact]
    public async Task Approve_new_version_of_the_support_guide_officer_reads_it_and_sees_the_old_one_superseded()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = await CreateGuideAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(admin, id, "٤", "15/05/1447")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(EditUrl(id), "[data-testid=start-draft-form]", new Dictionary<string, string>())).StatusCode);
        var edit = await admin.GetDocumentAsync(EditUrl(id));
        // A new draft starts from the approved text.
        Assert.Equal(FirstText.TrimEnd(), edit.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Text']")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveDraftAsync(admin, id, SecondText)).StatusCode);
        var approved = await ApproveAsync(admin, id, "5", "03/07/1447");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var page = await officer.GetDocumentAsync(DetailsUrl(id));
        Assert.Contains("عشرة أيام عمل", page.QuerySelector("[data-testid=policy-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2025-12-23", page.QuerySelector("[data-testid=shown-version] time")!.GetAttribute("datetime"), StringComparison.Ordinal);
        var history = page.QuerySelectorAll("[data-testid=history-item]").Select(li => (li.GetAttribute("data-number"), li.GetAttribute("data-status"))).ToList();
        Assert.Equal([("2", nameof(PolicyVersionStatus.Approved)), ("1", nameof(PolicyVersionStatus.Superseded))], history);
        Assert.Null(page.QuerySelector("[data-testid=edit-policy]"));

        var stored = await factory.QueryAsync(tenant.Id, db => db.PolicyVersions.Where(v => v.DocumentId == id).OrderBy(v => v.Number)
            .Select(v => new { v.Status, v.BoardSession, v.ApprovedOn }).ToListAsync());
        Assert.Equal(PolicyVersionStatus.Superseded, stored[0].Status);
        Assert.Equal(("4", new DateOnly(2025, 11, 6)), (stored[0].BoardSession!, stored[0].ApprovedOn!.Value));
        Assert.Equal(("5", new DateOnly(2025, 12, 23)), (stored[1].BoardSession!, stored[1].ApprovedOn!.Value));

        // The request page's card and the list name the version in force.
        var list = await officer.GetDocumentAsync("/Policies");
        Assert.Equal("2", list.QuerySelector("[data-testid=approved-number]")!.TextContent.Trim());
        var request = await TestRequests.VerifiedAsync(factory, tenant);
        var requestPage = await officer.GetDocumentAsync($"/Requests/Details/{request.RequestId}");
        Assert.Equal(DetailsUrl(id), requestPage.QuerySelector("[data-testid=policies-card] [data-testid=policy-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Diff_of_a_version_marks_the_changed_line_removed_and_added()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = await CreateGuideAsync(admin);
        await ApproveAsync(admin, id, "4", "15/05/1447");
        await admin.SubmitFormAsync(EditUrl(id), "[data-testid=start-draft-form]", new Dictionary<string, string>());
        await SaveDraftAsync(admin, id, SecondText);
        await ApproveAsync(admin, id, "5", "03/07/1447");

        using var member = await factory.SignInAsync(tenant.User(StaffRoles.CommitteeMember).Email);
        var page = await member.GetDocumentAsync($"{DetailsUrl(id)}?version=2");
        Assert.Equal(["يُبلَّغ المستفيد بالقرار خلال أسبوعين."], page.QuerySelectorAll("[data-testid=diff-del]").Select(e => e.TextContent.TrimStart('−')).ToList());
        Assert.Equal(["يُبلَّغ المستفيد بالقرار خلال عشرة أيام عمل."], page.QuerySelectorAll("[data-testid=diff-ins]").Select(e => e.TextContent.TrimStart('+')).ToList());
        Assert.Contains("## الاستحقاق", page.QuerySelector("[data-testid=diff]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_with_script_handlers_and_javascript_links_is_rendered_without_them()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        const string hostile = "## البند الأول\n\n<script>alert('x')</script>\n\n<img src=\"x\" onerror=\"alert(1)\">\n\n[اضغط هنا](javascript:alert(1))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<p style=\"color:red\">نص</p>\n\n| البند | المدة |\n|---|---|\n| الرد | أسبوعان |\n";
        var id = await CreateGuideAsync(admin, hostile);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(admin, id, "4", "15/05/1447")).StatusCode);

        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var response = await officer.Http.GetAsync(DetailsUrl(id));
        var html = await response.Content.ReadAsStringAsync();
        var page = await StaffClient.ParseAsync(response);
        var text = page.QuerySelector("[data-testid=policy-text]")!;
        Assert.Empty(text.QuerySelectorAll("script, iframe, [onerror], [style], a[href^='javascript']"));
        Assert.DoesNotContain("alert(", text.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("البند الأول", text.QuerySelector("h2")!.TextContent);
        Assert.Equal("أسبوعان", text.QuerySelector("table td:nth-child(2)")!.TextContent);
    }

    [Fact]
    public async Task Save_over_a_draft_changed_meanwhile_is_refused_and_keeps_the_typed_text()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = await CreateGuideAsync(admin);
        var stalePage = await admin.GetDocumentAsync(EditUrl(id));

        // Another administrator saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveDraftAsync(admin, id, SecondText)).StatusCode);
        const string typed = "# نص كتبته الآن\n\nفقرة لن تضيع.";
        var response = await SubmitTextAsync(admin, EditUrl(id), stalePage.QuerySelector<IHtmlFormElement>("[data-testid=draft-form]")!, typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Contains("تعديل", page.QuerySelector("[data-testid=policy-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(typed, page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Text']")!.Value.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("عشرة أيام عمل", page.QuerySelector("[data-testid=saved-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SecondText.TrimEnd(), await factory.QueryAsync(tenant.Id, db => db.PolicyVersions.Where(v => v.DocumentId == id).Select(v => v.Text).SingleAsync()));

        // Having seen the saved text, saving again is a save over it.
        var again = await admin.SubmitAsync(page.QuerySelector<IHtmlFormElement>("[data-testid=draft-form]")!, EditUrl(id), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(typed, await factory.QueryAsync(tenant.Id, db => db.PolicyVersions.Where(v => v.DocumentId == id).Select(v => v.Text).SingleAsync()));
    }

    [Fact]
    public async Task Approve_with_an_unreadable_date_shows_the_error_beside_the_field_and_approves_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = await CreateGuideAsync(admin);

        var response = await ApproveAsync(admin, id, "5", "33/15/1447");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        Assert.Equal("أدخل التاريخ بصيغة يوم/شهر/سنة.", page.QuerySelector("[data-testid=error-approved-on]")!.TextContent.Trim());
        Assert.Equal("33/15/1447", page.QuerySelector<IHtmlInputElement>("input[name='Approval.ApprovedOn']")!.Value);
        Assert.Equal("5", page.QuerySelector<IHtmlInputElement>("input[name='Approval.BoardSession']")!.Value);
        Assert.Equal(PolicyVersionStatus.Draft, await factory.QueryAsync(tenant.Id, db => db.PolicyVersions.Where(v => v.DocumentId == id).Select(v => v.Status).SingleAsync()));
    }

    [Fact]
    public async Task Edit_pages_and_handlers_are_forbidden_to_other_roles()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);
        var id = await CreateGuideAsync(admin);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);

        await Forbidden.AssertAsync(await officer.Http.GetAsync("/Policies/Create"));
        await Forbidden.AssertAsync(await officer.Http.GetAsync(EditUrl(id)));
        await Forbidden.AssertAsync(await officer.PostWithTokenAsync($"{EditUrl(id)}?handler=Public", new Dictionary<string, string> { ["isPublic"] = "true" }));
        Assert.False(await factory.QueryAsync(tenant.Id, db => db.PolicyDocuments.Where(d => d.Id == id).Select(d => d.IsPublic).SingleAsync()));
        // Reading is every association role's.
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync(DetailsUrl(id))).StatusCode);
    }

    [Fact]
    public async Task Another_associations_document_is_not_found_for_every_page_and_handler()
    {
        var owner = await factory.CreateTenantAsync();
        using var ownerAdmin = await factory.SignInAsync(owner.Admin.Email);
        var id = await CreateGuideAsync(ownerAdmin);
        var draftId = await factory.QueryAsync(owner.Id, db => db.PolicyVersions.Where(v => v.DocumentId == id).Select(v => v.Id).SingleAsync());
        var other = await factory.CreateTenantAsync();
        using var intruder = await factory.SignInAsync(other.Admin.Email);
        Func<Juthuruna.Data.AppDbContext, Task<object>> snapshot = async db => new
        {
            Document = await db.PolicyDocuments.Where(d => d.Id == id).Select(d => new { d.IsPublic, d.Version }).SingleAsync(),
            Versions = await db.PolicyVersions.Where(v => v.DocumentId == id).Select(v => new { v.Text, v.Status, v.Version }).ToListAsync(),
        };

        await TenantLeak.AssertGetNotFoundAsync(intruder, DetailsUrl(id));
        await TenantLeak.AssertGetNotFoundAsync(intruder, $"{DetailsUrl(id)}?version=1");
        await TenantLeak.AssertGetNotFoundAsync(intruder, EditUrl(id));
        var fields = new Dictionary<string, string>
        {
            ["Input.VersionId"] = draftId.ToString(), ["Input.Text"] = "مكتوب من جمعية أخرى",
            ["Approval.BoardSession"] = "1", ["Approval.ApprovedOn"] = "01/07/1447", ["isPublic"] = "true",
        };
        foreach (var handler in new[] { "Save", "Approve", "StartDraft", "Public" })
        {
            await TenantLeak.AssertPostNotFoundAsync(factory, intruder, owner.Id, $"{EditUrl(id)}?handler={handler}", snapshot, fields);
        }
    }
}
