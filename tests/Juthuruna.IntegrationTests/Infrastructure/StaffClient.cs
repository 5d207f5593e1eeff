using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Juthuruna.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like HTTP client: keeps cookies, reads pages with AngleSharp and submits their forms with
/// the antiforgery token the page carries — the same path a user's browser takes.
/// </summary>
public sealed class StaffClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitFormAsync("/Account/Login", "form:has(input[name='Input.Email'])", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public async Task<IHtmlDocument> GetDocumentAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, finds the form, keeps its current values (hidden fields,
    /// antiforgery token, pre-filled inputs), overrides <paramref name="fields"/> and posts it.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formSelector, IDictionary<string, string> fields, string? submitName = null, string? submitValue = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await SubmitAsync(form, pageUrl, fields, submitName, submitValue);
    }

    /// <param name="submitName">The name of the submit button pressed (several buttons may share it).</param>
    /// <param name="submitValue">Which of the buttons named <paramref name="submitName"/>: the one with this value; it must exist.</param>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, string pageUrl, IDictionary<string, string> fields, string? submitName = null, string? submitValue = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked && !fields.ContainsKey(input.Name))
                        {
                            values.Add(new(input.Name, input.Value));
                        }
                    }
                    else if (!fields.ContainsKey(input.Name))
                    {
                        values.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !fields.ContainsKey(select.Name):
                    foreach (var option in select.SelectedOptions)
                    {
                        values.Add(new(select.Name, option.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !fields.ContainsKey(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in fields)
        {
            // Several values for one name (checkbox lists) are passed joined with '\n'.
            foreach (var v in value.Split('\n'))
            {
                values.Add(new(name, v));
            }
        }

        if (submitName is not null)
        {
            var button = submitValue is null
                ? form.QuerySelector($"button[name='{submitName}'], input[type=submit][name='{submitName}']")
                : form.QuerySelector($"button[name='{submitName}'][value='{submitValue}'], input[type=submit][name='{submitName}'][value='{submitValue}']")
                  ?? throw new InvalidOperationException($"The form offers no '{submitName}' button with value '{submitValue}'.");
            values.Add(new(submitName, button?.GetAttribute("value") ?? ""));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts to any URL with this user's antiforgery token (taken from the dashboard): how a hand-made
    /// request for another tenant's id would arrive.
    /// </summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, IDictionary<string, string>? fields = null)
    {
        var home = await GetDocumentAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the dashboard.");
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/>, finds the (multipart) form and posts it as a browser would: its
    /// hidden fields and antiforgery token, <paramref name="fields"/> and one file.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(
        string pageUrl, string formSelector, string fileField, string fileName, byte[] bytes, string contentType, IDictionary<string, string>? fields = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        using var content = new MultipartFormDataContent();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        var action = form.GetAttribute("action");
        return await Http.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, content);
    }

    /// <summary>A multipart post with this user's antiforgery token to any URL (hand-made cross-tenant requests).</summary>
    public async Task<HttpResponseMessage> UploadWithTokenAsync(string url, string fileField, string fileName, byte[] bytes)
    {
        var home = await GetDocumentAsync("/");
        var token = home.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
            ?? throw new InvalidOperationException("No antiforgery token on the dashboard.");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(bytes), fileField, fileName);
        return await Http.PostAsync(url, content);
    }

    public void Dispose() => Http.Dispose();
}
