using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Juthuruna.Features.Policies;

public enum DiffLineKind
{
    Unchanged = 0,
    Inserted = 1,
    Deleted = 2,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>Line-by-line difference between two versions' Markdown (what the board changed), for the history page.</summary>
public static class PolicyDiff
{
    public static IReadOnlyList<DiffLine> Lines(string? older, string? newer)
    {
        var model = InlineDiffBuilder.Diff(Differ.Instance, older ?? "", newer ?? "", ignoreWhiteSpace: false, ignoreCase: false);
        return model.Lines
            .Select(l => new DiffLine(
                l.Type switch
                {
                    ChangeType.Inserted => DiffLineKind.Inserted,
                    ChangeType.Deleted => DiffLineKind.Deleted,
                    _ => DiffLineKind.Unchanged,
                },
                l.Text ?? ""))
            .ToList();
    }
}
