using System.Text.RegularExpressions;

namespace Juthuruna.Tests.Architecture;

/// <summary>
/// Issue 14, item 1: the support request owns its state. Read from the source tree (no Roslyn): a test of what the
/// code says, so it fails on the line that breaks the rule, whoever compiles it.
/// </summary>
public sealed partial class RequestOwnershipTests
{
    /// <summary>
    /// Features that still reference <c>RequestCommands</c>: only the portal, which opens a request through
    /// <c>RequestCommands.CreateAsync</c> (a client of the request's own intake, not a step calling back; to move
    /// when opening a request becomes the aggregate's own). Every step (research, committee, registration, delivery)
    /// hands its evidence to <c>SupportRequest.Apply</c>; a feature leaves this list when it no longer needs it (the
    /// second test makes sure it is taken off), and no feature may join it.
    /// </summary>
    private static readonly string[] NotYetMoved = ["Portal"];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juthuruna.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Juthuruna.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string Feature, string Path, string Text)> FeatureSources()
    {
        var features = Path.Combine(Root(), "src", "Juthuruna", "Features");
        foreach (var dir in Directory.GetDirectories(features))
        {
            foreach (var file in Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories))
            {
                yield return (Path.GetFileName(dir), Path.GetRelativePath(Root(), file), File.ReadAllText(file));
            }
        }
    }

    private static HashSet<string> FeaturesReferencingRequestCommands() =>
        FeatureSources().Where(s => s.Feature != "SupportRequests" && RequestCommandsReference().IsMatch(s.Text))
            .Select(s => s.Feature).ToHashSet();

    [Fact]
    public void RequestCommands_are_referenced_by_no_other_feature_beyond_those_not_yet_moved()
    {
        var offenders = FeaturesReferencingRequestCommands().Except(NotYetMoved).Order().ToList();

        Assert.True(offenders.Count == 0,
            "These features call back into the request's commands; hand the evidence to SupportRequest.Apply instead: " + string.Join(", ", offenders));
    }

    [Fact]
    public void RequestCommands_not_yet_moved_list_names_only_features_that_still_reference_them()
    {
        var stillReferencing = FeaturesReferencingRequestCommands();

        Assert.All(NotYetMoved, f => Assert.Contains(f, stillReferencing));
    }

    [Fact]
    public void RequestCommands_have_no_back_call_for_steps_and_no_facts_gathering()
    {
        // The hub is gone: no method a step could call back into, none that reads other features' tables for a guard.
        var methods = typeof(Juthuruna.Features.SupportRequests.RequestCommands)
            .GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).ToList();

        Assert.DoesNotContain("ApplyAsync", methods);
        Assert.DoesNotContain("FactsAsync", methods);
        Assert.Contains("TransitionAsync", methods);
    }

    [Fact]
    public void SupportRequest_state_is_written_only_by_the_request_itself()
    {
        var writers = Directory.GetFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith($"SupportRequests{Path.DirectorySeparatorChar}SupportRequest.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root(), f), Line: i + 1, Text: line)))
            .Where(l => StateWrite().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(writers.Count == 0, "Only SupportRequest.Apply writes a request's State:\n" + string.Join('\n', writers));
    }

    [Theory]
    [InlineData("        request.State = RequestState.Closed;", true)]
    [InlineData("        var r = new SupportRequest { State = RequestState.Approved };", true)]
    [InlineData("        db.Entry(counter).State = EntityState.Detached;", false)]
    [InlineData("        if (request.State == RequestState.Closed)", false)]
    [InlineData("        request.State = next;", true)]
    [InlineData("            .Select(r => new Row { State = r.State })", false)]
    public void SupportRequest_state_write_pattern_tells_a_write_from_a_read(string line, bool isWrite) =>
        Assert.Equal(isWrite, StateWrite().IsMatch(line));

    [Theory]
    [InlineData("public sealed class X(AppDbContext db, RequestCommands requests)", true)]
    [InlineData("using Juthuruna.Features.SupportRequests;", false)]
    public void RequestCommands_reference_pattern_finds_a_dependency(string text, bool found) =>
        Assert.Equal(found, RequestCommandsReference().IsMatch(text));

    // `x.State = …` (but not an EF entry's `.State = EntityState.…`), or `State = RequestState.…` in an initializer.
    [GeneratedRegex(@"\.State\s*=(?!=)(?!\s*EntityState\b)|\bState\s*=\s*RequestState\.")]
    private static partial Regex StateWrite();

    [GeneratedRegex(@"\bRequestCommands\b")]
    private static partial Regex RequestCommandsReference();
}
