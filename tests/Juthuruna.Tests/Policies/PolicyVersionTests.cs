using Juthuruna.Features.Policies;

namespace Juthuruna.Tests.Policies;

public sealed class PolicyVersionTests
{
    private static readonly Guid Document = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 2, 18, 7, 0, 0, DateTimeKind.Utc);

    private static PolicyVersion Version(int number, PolicyVersionStatus status) =>
        new() { DocumentId = Document, Number = number, Text = $"v{number}", Status = status };

    [Fact]
    public void Approve_draft_supersedes_the_version_in_force()
    {
        var inForce = Version(1, PolicyVersionStatus.Approved);
        var draft = Version(2, PolicyVersionStatus.Draft);
        var by = Guid.NewGuid();

        draft.Approve(inForce, "5", new DateOnly(2025, 12, 23), by, Now);

        Assert.Equal(PolicyVersionStatus.Superseded, inForce.Status);
        Assert.Equal(PolicyVersionStatus.Approved, draft.Status);
        Assert.Equal(("5", new DateOnly(2025, 12, 23), by, Now), (draft.BoardSession!, draft.ApprovedOn!.Value, draft.ApprovedBy!.Value, draft.ApprovedAtUtc!.Value));
        Assert.False(draft.IsEditable);
    }

    [Fact]
    public void Approve_first_draft_needs_no_version_in_force()
    {
        var draft = Version(1, PolicyVersionStatus.Draft);

        draft.Approve(null, "1", new DateOnly(2025, 1, 1), Guid.NewGuid(), Now);

        Assert.Equal(PolicyVersionStatus.Approved, draft.Status);
    }

    [Theory]
    [InlineData(PolicyVersionStatus.Approved)]
    [InlineData(PolicyVersionStatus.Superseded)]
    public void Approve_a_version_that_is_not_a_draft_is_refused(PolicyVersionStatus status)
    {
        var version = Version(1, status);

        Assert.Throws<InvalidOperationException>(() => version.Approve(null, "1", new DateOnly(2025, 1, 1), Guid.NewGuid(), Now));
        Assert.Equal(status, version.Status);
    }

    [Fact]
    public void Approve_never_supersedes_another_documents_version()
    {
        var foreign = new PolicyVersion { DocumentId = Guid.NewGuid(), Number = 1, Text = "x", Status = PolicyVersionStatus.Approved };
        var draft = Version(2, PolicyVersionStatus.Draft);

        Assert.Throws<InvalidOperationException>(() => draft.Approve(foreign, "1", new DateOnly(2025, 1, 1), Guid.NewGuid(), Now));
        Assert.Equal(PolicyVersionStatus.Approved, foreign.Status);
        Assert.Equal(PolicyVersionStatus.Draft, draft.Status);
    }
}
