using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;

namespace Juthuruna.Tests.SupportRequests;

public sealed class RequestWorkflowTests
{
    private static readonly RequestFacts Ready = new(HasDeclaration: true, MandatoryDocumentsMissingOrInvalid: 0, HasReason: true);

    // The whole matrix, written out: every (state, trigger) pair that is allowed and where it leads.
    private static readonly Dictionary<(RequestState, RequestTrigger), RequestState> Expected = BuildExpected();

    private static Dictionary<(RequestState, RequestTrigger), RequestState> BuildExpected()
    {
        var expected = new Dictionary<(RequestState, RequestTrigger), RequestState>
        {
            [(RequestState.Draft, RequestTrigger.Submit)] = RequestState.DocumentsReview,
            [(RequestState.DocumentsReview, RequestTrigger.ReturnForCompletion)] = RequestState.ReturnedForCompletion,
            [(RequestState.ReturnedForCompletion, RequestTrigger.Resubmit)] = RequestState.DocumentsReview,
            [(RequestState.DocumentsReview, RequestTrigger.Verify)] = RequestState.Verified,
        };
        foreach (var open in new[]
                 {
                     RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified,
                     RequestState.UnderResearch, RequestState.AwaitingCommittee,
                 })
        {
            expected[(open, RequestTrigger.Withdraw)] = RequestState.Withdrawn;
            expected[(open, RequestTrigger.Cancel)] = RequestState.Cancelled;
        }

        return expected;
    }

    public static TheoryData<RequestState, RequestTrigger> AllPairs()
    {
        var data = new TheoryData<RequestState, RequestTrigger>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var trigger in Enum.GetValues<RequestTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Resolve_every_state_and_trigger_pair_leads_where_the_table_says_or_throws(RequestState state, RequestTrigger trigger)
    {
        if (Expected.TryGetValue((state, trigger), out var to))
        {
            Assert.Equal(to, RequestWorkflow.Resolve(state, trigger).To);
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => RequestWorkflow.Resolve(state, trigger));
            Assert.Equal(state, ex.From);
        }
    }

    [Fact]
    public void Transitions_table_has_exactly_the_expected_rows() =>
        Assert.Equal(Expected.Count, RequestWorkflow.Transitions.Count);

    [Theory]
    [InlineData(false, 0, GuardFailure.DeclarationMissing)]
    [InlineData(true, 1, GuardFailure.DocumentsIncomplete)]
    [InlineData(false, 2, GuardFailure.DeclarationMissing)]
    [InlineData(true, 0, GuardFailure.None)]
    public void Verify_needs_the_declaration_and_every_mandatory_document(bool declaration, int missing, GuardFailure expected)
    {
        var verify = RequestWorkflow.Resolve(RequestState.DocumentsReview, RequestTrigger.Verify);

        Assert.Equal(expected, verify.Guard(new RequestFacts(declaration, missing, HasReason: false)));
    }

    [Theory]
    [InlineData(RequestState.DocumentsReview, RequestTrigger.ReturnForCompletion)]
    [InlineData(RequestState.Verified, RequestTrigger.Withdraw)]
    [InlineData(RequestState.Draft, RequestTrigger.Cancel)]
    public void Transitions_that_need_a_reason_refuse_without_one(RequestState state, RequestTrigger trigger)
    {
        var transition = RequestWorkflow.Resolve(state, trigger);

        Assert.Equal(GuardFailure.ReasonRequired, transition.Guard(Ready with { HasReason = false }));
        Assert.Equal(GuardFailure.None, transition.Guard(Ready));
    }

    [Fact]
    public void Permitted_shows_each_role_only_its_own_actions()
    {
        var officer = RequestWorkflow.Permitted(RequestState.DocumentsReview, [StaffRoles.RelationsOfficer]).Select(t => t.Trigger).ToList();
        var manager = RequestWorkflow.Permitted(RequestState.DocumentsReview, [StaffRoles.Manager]).Select(t => t.Trigger).ToList();
        var researcher = RequestWorkflow.Permitted(RequestState.DocumentsReview, [StaffRoles.SocialResearcher]);

        Assert.Equal([RequestTrigger.ReturnForCompletion, RequestTrigger.Verify, RequestTrigger.Withdraw], officer);
        Assert.Equal([RequestTrigger.Cancel], manager);
        Assert.Empty(researcher);
    }

    [Fact]
    public void Closed_states_permit_nothing()
    {
        foreach (var state in new[] { RequestState.Withdrawn, RequestState.Cancelled, RequestState.Closed, RequestState.Rejected })
        {
            Assert.Empty(RequestWorkflow.Permitted(state, StaffRoles.All));
        }
    }

    [Fact]
    public void Workflow_document_is_generated_from_the_table()
    {
        // docs/workflow.md holds the diagram between markers; UPDATE_DOCS=1 rewrites it from the table.
        var path = Path.Combine(RepositoryRoot(), "docs", "workflow.md");
        const string begin = "```mermaid\n";
        const string end = "```\n<!-- end of generated diagram -->";
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        var generated = RequestWorkflow.ToMermaid();

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..start] + generated + text[stop..]);
            return;
        }

        Assert.Equal(generated, text[start..stop]);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Juthuruna.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Juthuruna.sln not found.");
    }
}
