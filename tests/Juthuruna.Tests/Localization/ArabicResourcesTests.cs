using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Juthuruna.Tests.Localization;

/// <summary>
/// Arabic first: every text the code asks the localizer for (keys are the English texts) must have an
/// Arabic translation, or an Arabic user would meet English. Scans the sources the way a reviewer would.
/// </summary>
public sealed partial class ArabicResourcesTests
{
    private static readonly ResourceManager Resources = new("Juthuruna.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Resources_every_localized_text_in_the_sources_has_an_arabic_translation()
    {
        // The Arabic set alone (no fallback): a key missing there is missing for Arabic users.
        var arabic = Resources.GetResourceSet(CultureInfo.GetCultureInfo("ar"), createIfNotExists: true, tryParents: false)!;
        var missing = LocalizedKeys()
            .Where(k => string.IsNullOrWhiteSpace(arabic.GetString(k.Key)))
            .Select(k => $"{k.File}: {k.Key}")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_scan_finds_the_keys_it_must_check()
    {
        // Guards the scan itself: if the patterns stop matching, the test above would pass vacuously.
        var keys = LocalizedKeys().Select(k => k.Key).ToHashSet();

        Assert.Contains("Sign in", keys);
        Assert.Contains("Enter your e-mail address.", keys);
        Assert.Contains("Signature and seal", keys); // a letter's layout (.razor)
        Assert.Contains("Please keep this letter and quote the request number {0} whenever you contact the association.", keys); // T("…")
        Assert.True(keys.Count > 50, $"Only {keys.Count} keys found.");
    }

    private static IEnumerable<(string File, string Key)> LocalizedKeys()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains(".Migrations.", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(src, file);
            foreach (Match m in LocalizerCall().Matches(text))
            {
                yield return (name, Regex.Unescape(m.Groups[1].Value));
            }

            // Letter bodies write their sentences with T("…", values) (Features/Letters/Templates/LetterBody.cs).
            foreach (Match m in LetterSentence().Matches(text))
            {
                yield return (name, Regex.Unescape(m.Groups[1].Value));
            }

            foreach (Match attribute in AnnotationAttribute().Matches(text))
            {
                foreach (Match m in AnnotationText().Matches(attribute.Value))
                {
                    yield return (name, Regex.Unescape(m.Groups[1].Value));
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juthuruna.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Juthuruna.sln not found above the test output.");
    }

    [GeneratedRegex("""\b[lL]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""\bT\("((?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex LetterSentence();

    [GeneratedRegex("""\[(?:Display|Required|EmailAddress|StringLength|Range|RegularExpression|MaxLength|MinLength|Compare|Phone)\([^\]]*\)\]""")]
    private static partial Regex AnnotationAttribute();

    [GeneratedRegex("""(?:ErrorMessage|Name|Prompt)\s*=\s*"((?:[^"\\]|\\.)*)""")]
    private static partial Regex AnnotationText();
}
