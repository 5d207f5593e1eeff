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
            [(RequestState.Verified, RequestTrigger.AssignResearcher)] = RequestState.UnderResearch,
            [(RequestState.UnderResearch, RequestTrigger.SubmitResearch)] = RequestState.AwaitingCommittee,
            [(RequestState.AwaitingCommittee, RequestTrigger.Approve)] = RequestState.Approved,
            [(RequestState.AwaitingCommittee, RequestTrigger.Reject)] = RequestState.Rejected,
            [(RequestState.AwaitingCommittee, RequestTrigger.Defer)] = RequestState.UnderResearch,
            [(RequestState.Approved, RequestTrigger.Register)] = RequestState.Registered,
            [(RequestState.Registered, RequestTrigger.Deliver)] = RequestState.InService,
            [(RequestState.InService, RequestTrigger.Deliver)] = RequestState.InService,
            [(RequestState.InService, RequestTrigger.Complete)] = RequestState.Closed,
            [(RequestState.Registered, RequestTrigger.Close)] = RequestState.Closed,
            [(RequestState.InService, RequestTrigger.Close)] = RequestState.Closed,
        };
        foreach (var open in new[]
                 {
                     RequestState.Draft, RequestState.DocumentsReview, RequestState.ReturnedForCompletion, RequestState.Verified,
                     RequestState.UnderResearch, RequestState.AwaitingCommittee, RequestState.Approved, RequestState.Registered, RequestState.InService,
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
    [InlineData(RequestState.InService, RequestTrigger.Close)]
    public void Transitions_that_need_a_reason_refuse_without_one(RequestState state, RequestTrigger trigger)
    {
        var transition = RequestWorkflow.Resolve(state, trigger);

        Assert.Equal(GuardFailure.ReasonRequired, transition.Guard(Ready with { HasReason = false }));
        Assert.Equal(GuardFailure.None, transition.Guard(Ready));
    }

    [Theory]
    [InlineData(RequestTrigger.Approve, CommitteeDecision.Approve)]
    [InlineData(RequestTrigger.Reject, CommitteeDecision.Reject)]
    [InlineData(RequestTrigger.Defer, CommitteeDecision.Defer)]
    public void Committee_triggers_need_the_committee_to_have_taken_that_decision(RequestTrigger trigger, CommitteeDecision decision)
    {
        var transition = RequestWorkflow.Resolve(RequestState.AwaitingCommittee, trigger);

        Assert.Equal(GuardFailure.CommitteeDecisionMissing, transition.Guard(Ready));
        Assert.Equal(GuardFailure.None, transition.Guard(Ready with { CommitteeDecision = decision }));
        foreach (var other in Enum.GetValues<CommitteeDecision>().Where(d => d != decision))
        {
            Assert.Equal(GuardFailure.CommitteeDecisionMissing, transition.Guard(Ready with { CommitteeDecision = other }));
        }

        Assert.Equal([StaffRoles.CommitteeChair], transition.Roles);
        Assert.Equal(TransitionForm.CommitteeItem, transition.Form);
    }

    [Fact]
    public void Research_steps_need_a_researcher_then_a_submitted_report()
    {
        var assign = RequestWorkflow.Resolve(RequestState.Verified, RequestTrigger.AssignResearcher);
        var submit = RequestWorkflow.Resolve(RequestState.UnderResearch, RequestTrigger.SubmitResearch);

        Assert.Equal(GuardFailure.ResearcherMissing, assign.Guard(Ready));
        Assert.Equal(GuardFailure.None, assign.Guard(Ready with { HasResearcher = true }));
        Assert.Equal(GuardFailure.ResearchReportMissing, submit.Guard(Ready with { HasResearcher = true }));
        Assert.Equal(GuardFailure.None, submit.Guard(Ready with { HasSubmittedResearchReport = true }));
        Assert.Equal([StaffRoles.SocialResearcher], submit.Roles);
    }

    [Fact]
    public void Service_steps_need_registration_a_delivery_and_all_services_delivered_to_complete()
    {
        Assert.Equal(GuardFailure.RegistrationMissing, RequestWorkflow.Resolve(RequestState.Approved, RequestTrigger.Register).Guard(Ready));
        Assert.Equal(GuardFailure.DeliveryMissing, RequestWorkflow.Resolve(RequestState.Registered, RequestTrigger.Deliver).Guard(Ready with { HasRegistration = true }));
        Assert.Equal(GuardFailure.None, RequestWorkflow.Resolve(RequestState.InService, RequestTrigger.Deliver).Guard(Ready with { Deliveries = 1 }));
        var complete = RequestWorkflow.Resolve(RequestState.InService, RequestTrigger.Complete);
        Assert.Equal(GuardFailure.ServicesNotDelivered, complete.Guard(Ready with { Deliveries = 1 }));
        Assert.Equal(GuardFailure.None, complete.Guard(Ready with { Deliveries = 2, ApprovedServicesDelivered = true }));
    }

    [Fact]
    public void Only_management_closes_a_request_in_service_early_and_only_the_chair_decides()
    {
        var officer = RequestWorkflow.Permitted(RequestState.InService, [StaffRoles.RelationsOfficer]).Select(t => t.Trigger).ToList();
        var manager = RequestWorkflow.Permitted(RequestState.InService, [StaffRoles.Manager]).Select(t => t.Trigger).ToList();
        var member = RequestWorkflow.Permitted(RequestState.AwaitingCommittee, [StaffRoles.CommitteeMember]).Select(t => t.Trigger).ToList();

        Assert.Equal([RequestTrigger.Deliver, RequestTrigger.Complete, RequestTrigger.Withdraw], officer);
        Assert.Equal([RequestTrigger.Close, RequestTrigger.Cancel], manager);
        Assert.Empty(member);
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
