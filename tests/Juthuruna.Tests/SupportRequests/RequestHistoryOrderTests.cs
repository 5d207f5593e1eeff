using Juthuruna.Features.SupportRequests;
using Juthuruna.Identity;

namespace Juthuruna.Tests.SupportRequests;

public sealed class RequestHistoryOrderTests
{
    private static readonly Actor Officer = new(Guid.CreateVersion7(), [StaffRoles.RelationsOfficer]);

    [Fact]
    public void Apply_twice_at_the_same_instant_records_the_second_transition_after_the_first()
    {
        var now = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var request = new SupportRequest { Number = "JTH-1448-000001", Description = "سلة غذائية", UpdatedAtUtc = now };

        var submitted = request.Apply(RequestTrigger.Submit, RequestFacts.None, Officer, now);
        var returned = request.Apply(RequestTrigger.ReturnForCompletion, RequestFacts.None, Officer, now, note: "صورة الهوية غير واضحة");
        var resubmitted = request.Apply(RequestTrigger.Resubmit, RequestFacts.None, Officer, now);

        var times = new[] { submitted.History!.AtUtc, returned.History!.AtUtc, resubmitted.History!.AtUtc };
        Assert.Equal(times.Order(), times);
        Assert.Equal(3, times.Distinct().Count());
        Assert.Equal(resubmitted.History.AtUtc, request.UpdatedAtUtc);
    }

    [Fact]
    public void Apply_when_the_clock_has_moved_on_records_the_clock_time()
    {
        var before = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var request = new SupportRequest { Number = "JTH-1448-000002", Description = "سداد إيجار", UpdatedAtUtc = before };

        var later = before.AddMinutes(5);
        var submitted = request.Apply(RequestTrigger.Submit, RequestFacts.None, Officer, later);

        Assert.Equal(later, submitted.History!.AtUtc);
    }
}
