using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Juthuruna.BrowserTests;

/// <summary>
/// axe-core (Deque, MPL-2.0; <c>Axe/axe.min.js</c>, vendored from npm for the tests only — never served by the app)
/// run on the page as it is now, against WCAG 2.1 A and AA. Use it in any journey:
/// <c>await Axe.AssertNoViolationsAsync(page, "requests list");</c>
/// </summary>
public static class Axe
{
    /// <summary>The rule tags checked: WCAG 2.0 and 2.1, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Fails with every violation (rule, impact, summary, and each element's selector and what to fix).</summary>
    /// <param name="state">What the page shows, for the message (e.g. "settings, English").</param>
    public static async Task AssertNoViolationsAsync(IPage page, string? state = null)
    {
        var violations = await RunAsync(page);
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(Describe(state ?? page.Url, page.Url, violations));
        }
    }

    /// <summary>The violations on the page as it is now (after its web fonts have loaded: contrast depends on them).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        // Evaluated through the DevTools protocol, not added as a <script>: the app's Content-Security-Policy
        // (script-src 'self') rightly refuses inline scripts, and the tests keep that policy on.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value + "\n;true");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async (tags) => {
                const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return JSON.stringify(results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t), html: n.html, summary: n.failureSummary }))
                })));
            }
            """,
            Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json)!;
    }

    public static string Describe(string state, string url, IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"axe-core: {violations.Count} WCAG 2.1 AA violation(s) on {state} ({url}):");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(10))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {string.Join(", ", node.Target)}");
                text.AppendLine(CultureInfo.InvariantCulture, $"       {node.Html}");
                foreach (var line in (node.Summary ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"       {line}");
                }
            }

            if (violation.Nodes.Count > 10)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    … and {violation.Nodes.Count - 10} more");
            }
        }

        return text.ToString();
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(IReadOnlyList<string> Target, string Html, [property: JsonPropertyName("summary")] string? Summary);
