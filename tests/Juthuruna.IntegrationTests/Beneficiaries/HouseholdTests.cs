using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Juthuruna.IntegrationTests.Beneficiaries;

/// <summary>Households (issue 12, items 1, 10, 11, 18): many members, names as Saudis write them, people counted in two files.</summary>
[Collection(SharedApp.Files)]
public sealed class HouseholdTests(AppFactory factory)
{
    private const string Form = TestBeneficiaries.Form;

    private static int _next = 9_000;

    private static string NewId() => TestBeneficiaries.NationalIdFor(Interlocked.Increment(ref _next));

    private async Task<(TestTenant Tenant, StaffClient Officer)> OfficerAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        return (tenant, await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email));
    }

    /// <summary>A file: the given name parts, a birth date of its own (no similar-name warning between test files).</summary>
    private static Dictionary<string, string> Person(string first, string father, string grandfather, string family, string? id = null)
    {
        var fields = TestBeneficiaries.Fields(first);
        fields["Input.IdentityNumber"] = id ?? NewId();
        fields["Input.FatherName"] = father;
        fields["Input.GrandfatherName"] = grandfather;
        fields["Input.FamilyName"] = family;
        fields["Input.BirthDate"] = $"19{60 + (_next % 40):00}-0{1 + (_next % 9)}-1{_next % 10}";
        return fields;
    }

    private static void Member(Dictionary<string, string> fields, int row, string name, string relation, string? id = null)
    {
        fields[$"Input.Members[{row}].Name"] = name;
        fields[$"Input.Members[{row}].Relation"] = relation;
        if (id is not null)
        {
            fields[$"Input.Members[{row}].IdentityNumber"] = id;
        }
    }

    private static Guid IdFromRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/Beneficiaries/Details/".Length..]);
    }

    /// <summary>Presses "+ more rows" without script, as a browser does: the button's formaction, the form's values.</summary>
    private static async Task<(IHtmlDocument Page, string Url)> MoreRowsAsync(StaffClient client, IHtmlDocument page, IDictionary<string, string> fields)
    {
        var form = page.QuerySelector<IHtmlFormElement>(Form)!;
        var url = form.QuerySelector("[data-testid=more-rows]")!.GetAttribute("formaction")!;
        Assert.Contains("handler=MoreRows", url, StringComparison.Ordinal);
        var action = form.GetAttribute("action");
        form.SetAttribute("action", url);
        var response = await client.SubmitAsync(form, url, fields);
        form.SetAttribute("action", action ?? "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await StaffClient.ParseAsync(response), url);
    }

    private static readonly string[] Names = ["سارة", "خالد", "نورة", "فهد", "ريم", "عبد الله", "لمى", "سعد", "هند"];

    [Fact]
    public async Task Household_of_eight_members_added_with_more_rows_saves_and_then_edits_in_one_go()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Person("أحمد", "محمد", "علي", "الغامدي");
        Member(fields, 0, Names[0], "Daughter");
        Member(fields, 1, Names[1], "Son");

        // Two rows are offered; "+ more rows" twice gives room for eight, then Save — from the page the round trip left.
        var (page, url) = await MoreRowsAsync(officer, await officer.GetDocumentAsync("/Beneficiaries/Create"), fields);
        for (var i = 2; i < 5; i++)
        {
            Member(fields, i, Names[i], i % 2 == 0 ? "Daughter" : "Son");
        }

        (page, url) = await MoreRowsAsync(officer, page, fields);
        for (var i = 5; i < 8; i++)
        {
            Member(fields, i, Names[i], i % 2 == 0 ? "Daughter" : "Son");
        }

        Assert.Equal("/Beneficiaries/Create", page.QuerySelector<IHtmlFormElement>(Form)!.GetAttribute("action"));
        var id = IdFromRedirect(await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, url, fields));

        var saved = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().Where(b => b.Id == id).SelectMany(b => b.HouseholdMembers).Select(m => m.Name).ToListAsync());
        Assert.Equal(Names[..8].Order(), saved.Order());

        // Edit: rename one, "+ more rows", add a ninth, save once.
        var edit = await officer.GetDocumentAsync($"/Beneficiaries/Edit/{id}");
        var saad = edit.QuerySelectorAll<IHtmlInputElement>("input[name$='].Name']").Single(i => i.Value == "سعد").Name!;
        var changes = new Dictionary<string, string> { [saad] = "سعد الأصغر" };
        (page, url) = await MoreRowsAsync(officer, edit, changes);
        Assert.Equal($"/Beneficiaries/Edit/{id}", page.QuerySelector<IHtmlFormElement>(Form)!.GetAttribute("action"));
        Member(changes, 10, Names[8], "Daughter");
        IdFromRedirect(await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, url, changes));

        saved = await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.AsNoTracking().Where(b => b.Id == id).SelectMany(b => b.HouseholdMembers).Select(m => m.Name).ToListAsync());
        Assert.Equal(9, saved.Count);
        Assert.Contains("سعد الأصغر", saved);
        Assert.Contains(Names[8], saved);
        Assert.DoesNotContain("سعد", saved);
    }

    [Fact]
    public async Task Search_compound_names_match_however_spaced_and_any_name_parts_in_any_order()
    {
        var (_, officer) = await OfficerAsync();
        var joined = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("عبدالرحمن", "محمد", "علي", "السديري")));
        var spaced = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("أحمد", "عبد الرحمن", "صالح", "الغامدي")));
        var family = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("أحمد", "سعد", "ناصر", "آل سعود")));

        async Task<List<Guid>> Search(string q) =>
            (await officer.GetDocumentAsync($"/Beneficiaries?q={Uri.EscapeDataString(q)}"))
            .QuerySelectorAll("[data-testid=results] tbody tr a[href^='/Beneficiaries/Details/']")
            .Select(a => Guid.Parse(a.GetAttribute("href")!["/Beneficiaries/Details/".Length..])).Distinct().Order().ToList();

        List<Guid> Files(params Guid[] ids) => ids.Order().ToList();

        Assert.Equal(Files(joined, spaced), await Search("عبد الرحمن"));
        Assert.Equal(Files(joined, spaced), await Search("عبدالرحمن"));
        Assert.Equal(Files(joined), await Search("عبد الرحمن السديري"));     // first + family, compound spaced
        Assert.Equal(Files(joined), await Search("السديري عبدالرحمن"));      // any order
        Assert.Equal(Files(joined), await Search("ال سديري"));
        Assert.Equal(Files(spaced), await Search("أحمد الغامدي"));           // first + family name
        Assert.Equal(Files(spaced), await Search("احمد عبدالرحمن الغامدى"));  // first + father + family, spelled otherwise
        Assert.Equal(Files(family), await Search("احمد السعود"));            // "آل سعود" written joined
        Assert.Equal(Files(family), await Search("آل سعود ناصر"));
        Assert.Empty(await Search("أحمد السديري"));
    }

    [Fact]
    public async Task Search_identity_number_or_name_of_a_household_member_finds_the_member_with_their_file()
    {
        var (_, officer) = await OfficerAsync();
        var wife = NewId();
        var fields = Person("خالد", "سعد", "ناصر", "العتيبي");
        Member(fields, 0, "سارة عبد الله الحربي", "Spouse", wife);
        var file = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, fields));

        foreach (var q in new[] { wife, "ساره عبدالله", "الحربي سارة" })
        {
            var page = await officer.GetDocumentAsync($"/Beneficiaries?q={Uri.EscapeDataString(q)}");
            var row = page.QuerySelector("[data-testid=member-results] tbody tr");
            Assert.NotNull(row);
            Assert.Contains("سارة عبد الله الحربي", row.TextContent, StringComparison.Ordinal);
            Assert.Equal($"/Beneficiaries/Details/{file}", row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Contains("خالد سعد ناصر العتيبي", row.TextContent, StringComparison.Ordinal);
        }

        Assert.Null((await officer.GetDocumentAsync("/Beneficiaries?q=" + Uri.EscapeDataString("فاطمة"))).QuerySelector("[data-testid=member-results]"));
    }

    [Fact]
    public async Task Create_file_for_a_person_already_listed_as_a_member_warns_with_a_link_then_saves_when_confirmed_and_intake_shows_it()
    {
        var (tenant, officer) = await OfficerAsync();
        var wife = NewId();
        var husband = Person("خالد", "سعد", "ناصر", "العتيبي");
        Member(husband, 0, "سارة عبد الله الحربي", "Spouse", wife);
        var husbandFile = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, husband));

        // The wife opens her own file.
        var warned = await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("سارة", "عبد الله", "محمد", "الحربي", wife));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await StaffClient.ParseAsync(warned);
        var warning = page.QuerySelector("[data-testid=household-warning]");
        Assert.NotNull(warning);
        Assert.Equal($"/Beneficiaries/Details/{husbandFile}", warning.QuerySelector("[data-testid=household-link]")!.GetAttribute("href"));
        Assert.Matches("[\\u0600-\\u06FF]", warning.TextContent);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));

        var wifeFile = IdFromRedirect(await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, "/Beneficiaries/Create",
            new Dictionary<string, string> { ["ConfirmSimilar"] = "true" }));

        // Opening a request for either file shows the overlap before the family receives twice.
        foreach (var (file, other) in new[] { (wifeFile, husbandFile), (husbandFile, wifeFile) })
        {
            var intake = await officer.GetDocumentAsync($"/Requests/Create?beneficiaryId={file}");
            Assert.Equal($"/Beneficiaries/Details/{other}", intake.QuerySelector("[data-testid=household-warning] [data-testid=household-link]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Edit_adding_a_member_who_holds_another_file_warns_with_a_link_and_a_later_edit_does_not_warn_again()
    {
        var (tenant, officer) = await OfficerAsync();
        var sonId = NewId();
        var sonFile = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("فهد", "خالد", "سعد", "العتيبي", sonId)));
        var father = IdFromRedirect(await officer.SubmitFormAsync("/Beneficiaries/Create", Form, Person("خالد", "سعد", "ناصر", "العتيبي")));

        var add = new Dictionary<string, string>();
        Member(add, 0, "فهد خالد العتيبي", "Son", sonId);
        var warned = await officer.SubmitFormAsync($"/Beneficiaries/Edit/{father}", Form, add);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await StaffClient.ParseAsync(warned);
        Assert.Equal($"/Beneficiaries/Details/{sonFile}", page.QuerySelector("[data-testid=household-warning] [data-testid=household-link]")!.GetAttribute("href"));
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == father).SelectMany(b => b.HouseholdMembers).CountAsync()));

        IdFromRedirect(await officer.SubmitAsync(page.QuerySelector<IHtmlFormElement>(Form)!, $"/Beneficiaries/Edit/{father}",
            new Dictionary<string, string> { ["ConfirmSimilar"] = "true" }));
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.Where(b => b.Id == father).SelectMany(b => b.HouseholdMembers).CountAsync()));

        // Confirmed once: an unrelated change later saves without the warning.
        IdFromRedirect(await officer.SubmitFormAsync($"/Beneficiaries/Edit/{father}", Form, new Dictionary<string, string> { ["Input.Notes"] = "زيارة منزلية" }));
    }

    [Fact]
    public async Task Create_names_with_markup_query_or_template_characters_are_refused_beside_the_field_and_nothing_is_saved()
    {
        var (tenant, officer) = await OfficerAsync();
        var fields = Person("<script>", "' OR 1=1 --", "{{7*7}}", "الغامدي");
        Member(fields, 0, "<b>سارة</b>", "Daughter");

        var response = await officer.SubmitFormAsync("/Beneficiaries/Create", Form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await StaffClient.ParseAsync(response);
        foreach (var field in new[] { "Input.FirstName", "Input.FatherName", "Input.GrandfatherName", "Input.Members[0].Name" })
        {
            Assert.Equal("يُكتب الاسم بحروف عربية أو لاتينية فقط، ويجوز فيه المسافة والشرطة (-) والفاصلة العليا (').",
                page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        }

        Assert.Equal("<script>", page.QuerySelector<IHtmlInputElement>("[name='Input.FirstName']")!.Value);
        Assert.Equal(0, await factory.QueryAsync(tenant.Id, db => db.Beneficiaries.CountAsync()));
    }
}
