using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Juthuruna.Identity;
using Juthuruna.IntegrationTests.Infrastructure;

namespace Juthuruna.IntegrationTests.Hygiene;

/// <summary>
/// Odd input is answered with a 4xx (a page with a field message, or a plain 400/404/405 page), never a 500.
/// The walk finds the app's forms the way a visitor would — every page reachable from the home page of each role,
/// of the host administrator and of the portal — and posts each form with hostile values, one field at a time.
/// </summary>
public sealed partial class HostileInputTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const int MaxPagesPerVisitor = 120;

    /// <summary>Text values: too long with bidi controls and markup, dates far out of every calendar.</summary>
    private static readonly string[] TextValues =
    [
        "\u202E<script>alert(1)</script>{{7*7}}' OR 1=1 --" + new string('ش', 5000),
        "99999-12-31",
        "0001-01-01T00:00",
        "1600-01-01",
    ];

    /// <summary>Values of choices, checkboxes and hidden fields: neither a boolean, a number, a GUID nor a known name.</summary>
    private static readonly string[] ChoiceValues = ["maybe"];

    [Fact]
    public async Task Every_form_of_every_role_and_the_portal_answers_hostile_values_without_a_server_error()
    {
        var tenant = await factory.CreateTenantAsync();
        await TestRequests.VerifiedAsync(factory, tenant);
        await factory.CreateHostAdminAsync();
        var failures = new List<string>();
        var formsPosted = 0;

        // The administrators go last: what they post (a disabled user, a suspended association) must not end the others' walk.
        var visitors = new List<(string Name, Func<Task<StaffClient>> SignIn, string Start)>();
        foreach (var role in StaffRoles.AssociationRoles.Where(r => r != StaffRoles.TenantAdmin).Append(StaffRoles.TenantAdmin))
        {
            visitors.Add((role, () => factory.SignInAsync(tenant.User(role).Email), "/"));
        }

        visitors.Add(("portal", () => Task.FromResult(factory.CreateStaffClient()), $"/t/{tenant.Slug}"));
        visitors.Add((StaffRoles.HostAdmin, () => factory.SignInAsync(AppFactory.HostAdminEmail), "/"));

        foreach (var (name, signIn, start) in visitors)
        {
            using var client = await signIn();
            var attacked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (url, document) in await CrawlAsync(client, start, failures, name))
            {
                foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form").Where(Postable))
                {
                    // The same form on many pages (a filter, the layout's) is attacked once.
                    var shape = Pattern(form.GetAttribute("action") ?? url) + " " + string.Join(",", form.Elements.Select(e => e.GetAttribute("name")).Order(StringComparer.Ordinal));
                    if (attacked.Add(shape))
                    {
                        formsPosted++;
                        await AttackAsync(client, url, form, failures, name);
                    }
                }
            }
        }

        Assert.True(formsPosted > 25, $"Only {formsPosted} forms were found: the walk no longer reaches the app.");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Portal_post_to_an_unknown_handler_is_404_for_an_anonymous_visitor()
    {
        var tenant = await factory.CreateTenantAsync();
        using var visitor = factory.CreateStaffClient();
        var track = await visitor.GetDocumentAsync($"/t/{tenant.Slug}/track");
        var token = track.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var response = await visitor.Http.PostAsync($"/t/{tenant.Slug}/track/request/Nope",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_with_a_non_ascii_return_address_lands_there_percent_encoded()
    {
        var tenant = await factory.CreateTenantAsync();
        using var client = factory.CreateStaffClient();

        var response = await client.SubmitFormAsync("/Account/Login?ReturnUrl=%2FBeneficiaries%3Fq%3D%D8%A3%D8%AD%D9%85%D8%AF", "form:has(input[name='Input.Email'])",
            new Dictionary<string, string> { ["Input.Email"] = tenant.User(StaffRoles.RelationsOfficer).Email, ["Input.Password"] = AppFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Beneficiaries?q=%D8%A3%D8%AD%D9%85%D8%AF", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_post_handler_is_404_and_a_non_boolean_checkbox_is_400_for_staff()
    {
        var tenant = await factory.CreateTenantAsync();
        var arranged = await TestRequests.VerifiedAsync(factory, tenant);
        using var officer = await factory.SignInAsync(tenant.User(StaffRoles.RelationsOfficer).Email);
        var fields = TestBeneficiaries.Fields();
        fields["Input.Mobile"] = "123"; // the form comes back, with the checkbox drawn from what was posted
        fields["Input.NonEssentialMessagesOptOut"] = "maybe";

        var unknownPost = await officer.PostWithTokenAsync($"/Requests/Details/{arranged.RequestId}?handler=Nope");
        var unknownGet = await officer.Http.GetAsync($"/Requests/Details/{arranged.RequestId}?handler=Nope");
        var checkbox = await officer.SubmitFormAsync("/Beneficiaries/Create", TestBeneficiaries.Form, fields);
        var filter = await officer.Http.GetAsync("/Contacts?due=maybe");

        Assert.Equal(HttpStatusCode.NotFound, unknownPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownGet.StatusCode); // a GET falls back to the page's OnGet
        Assert.Equal(HttpStatusCode.BadRequest, checkbox.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(tenant.Id, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Beneficiaries)));
    }

    private static bool Postable(IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") ?? "";
        // Signing out or switching the language would end the walk, not test a form.
        return !action.Contains("Logout", StringComparison.OrdinalIgnoreCase) && !action.Contains("/Culture", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<(string Url, IHtmlDocument Document)>> CrawlAsync(StaffClient client, string start, List<string> failures, string visitor)
    {
        var pages = new List<(string, IHtmlDocument)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && pages.Count < MaxPagesPerVisitor)
        {
            var url = queue.Dequeue();
            if (!seen.Add(Pattern(url)))
            {
                continue;
            }

            var response = await client.Http.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{visitor}: GET {url} → {(int)response.StatusCode}");
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString is { } location && location.StartsWith('/'))
            {
                queue.Enqueue(location);
                continue;
            }

            var unknownHandler = await client.Http.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Nope");
            if ((int)unknownHandler.StatusCode >= 500)
            {
                failures.Add($"{visitor}: GET {url} handler=Nope → {(int)unknownHandler.StatusCode}");
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await StaffClient.ParseAsync(response);
            pages.Add((url, document));
            foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href^='/']"))
            {
                var href = link.GetAttribute("href")!.Split('#')[0];
                if (href.Length > 0 && !href.StartsWith("/Files/", StringComparison.Ordinal) && !href.Contains("/pdf", StringComparison.OrdinalIgnoreCase)
                    && !href.StartsWith("/Account/Logout", StringComparison.Ordinal) && !href.StartsWith("/Culture", StringComparison.Ordinal)
                    && !href.StartsWith("/lib/", StringComparison.Ordinal) && !href.StartsWith("/css/", StringComparison.Ordinal))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return pages;
    }

    private static async Task AttackAsync(StaffClient client, string pageUrl, IHtmlFormElement form, List<string> failures, string visitor)
    {
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var button = form.QuerySelector("button[type=submit][name], button:not([type])[name], input[type=submit][name]");
        var buttonName = button?.GetAttribute("name");
        var buttonValue = button?.GetAttribute("value");
        var fields = form.Elements
            .Where(e => e is IHtmlInputElement { Type: not ("submit" or "button" or "file") } or IHtmlSelectElement or IHtmlTextAreaElement)
            .Select(e => (Name: e.GetAttribute("name"), Text: e is IHtmlTextAreaElement || (e is IHtmlInputElement i && i.Type is "text" or "search" or "tel" or "email" or "date" or "datetime-local" or "number" or "password" or "url")))
            .Where(f => !string.IsNullOrEmpty(f.Name) && f.Name != "__RequestVerificationToken")
            .DistinctBy(f => f.Name)
            .ToList();

        async Task SendAsync(string field, string value)
        {
            HttpResponseMessage response;
            if (method == "POST")
            {
                response = await client.SubmitAsync(form, pageUrl, new Dictionary<string, string> { [field] = value },
                    buttonName is null ? null : buttonName, buttonName is null ? null : buttonValue);
            }
            else
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl.Split('?')[0];
                response = await client.Http.GetAsync($"{action}?{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}");
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{visitor}: {method} {pageUrl} form {form.GetAttribute("action")} {field}={Shorten(value)} → {(int)response.StatusCode}");
            }
        }

        foreach (var (name, text) in fields)
        {
            foreach (var value in text ? TextValues : ChoiceValues)
            {
                await SendAsync(name!, value);
            }
        }

        if (method == "POST")
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
            var target = Regex.Replace(action, "handler=[^&]*", "handler=Nope") is var replaced && replaced != action
                ? replaced
                : action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Nope";
            var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value ?? "";
            var unknown = await client.Http.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            if ((int)unknown.StatusCode >= 500)
            {
                failures.Add($"{visitor}: POST {action} handler=Nope → {(int)unknown.StatusCode}");
            }
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>One page per shape: ids and numbers in the path and the query string do not make a new page.</summary>
    private static string Pattern(string url) => IdOrNumber().Replace(url.Split('#')[0], "{x}");

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+")]
    private static partial Regex IdOrNumber();
}
