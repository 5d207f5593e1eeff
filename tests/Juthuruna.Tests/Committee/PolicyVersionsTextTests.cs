using Juthuruna.Common.Dates;
using Juthuruna.Features.Committee;
using Juthuruna.Features.Policies;

namespace Juthuruna.Tests.Committee;

public sealed class PolicyVersionsTextTests
{
    private static ApprovedPolicy Policy(string title, int number, string? session, DateOnly? on) =>
        new(Guid.NewGuid(), PolicyKind.Other, title, title, number, on, session);

    [Fact]
    public void PolicyVersionsText_names_each_document_its_version_session_and_hijri_date()
    {
        var text = CommitteeSeats.PolicyVersionsText(
        [
            Policy("سياسة علاقات المستفيدين", 1, "5", DualDate.FromHijri(1447, 7, 3)),
            Policy("دليل سياسة الدعم", 2, null, null),
        ]);

        Assert.Equal("سياسة علاقات المستفيدين: الإصدار 1 (جلسة المجلس 5، 3/7/1447 هـ)؛ دليل سياسة الدعم: الإصدار 2", text);
    }

    [Fact]
    public void PolicyVersionsText_without_approved_documents_says_so_plainly()
    {
        Assert.Equal(CommitteeSeats.NoApprovedPolicies, CommitteeSeats.PolicyVersionsText([]));
    }

    [Fact]
    public void PolicyVersionsText_of_many_documents_is_cut_to_the_column_length()
    {
        var many = Enumerable.Range(1, 100).Select(i => Policy(new string('س', 40), i, "12", DualDate.FromHijri(1447, 1, 1))).ToList();

        var text = CommitteeSeats.PolicyVersionsText(many);

        Assert.Equal(AgendaItem.MaxPolicyVersionsLength, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }
}
