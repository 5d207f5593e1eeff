using Ganss.Xss;
using Markdig;

namespace Juthuruna.Features.Policies;

/// <summary>
/// A policy's Markdown as HTML safe to put in a staff page (and later the public portal): Markdig with pipe tables
/// only, then an allow-list sanitiser. Raw HTML in the Markdown is allowed through Markdig on purpose and left to the
/// sanitiser, so that harmless tags survive and everything else (scripts, event handlers, javascript: links, frames,
/// inline styles the CSP would refuse anyway) is removed rather than shown as text.
/// </summary>
public static class PolicyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .Build();

    // HtmlSanitizer is safe to share once configured (Sanitize does not change its settings).
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
                "ul", "ol", "li", "strong", "em", "b", "i", "u", "del", "s", "sub", "sup", "a",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            // No style, no class, no id, no event handlers: only what a link and a list need.
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start", "colspan", "rowspan", "dir" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links in a policy leave the application: never give the target page a handle on ours.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }
}
