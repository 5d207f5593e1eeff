using Juthuruna.Features.Notifications;
using Juthuruna.Features.Notifications.Messaging;

namespace Juthuruna.Tests.Notifications;

public sealed class MessageRulesTests
{
    [Theory]
    [InlineData(MessageKind.Otp, true)]
    [InlineData(MessageKind.Decision, true)]
    [InlineData(MessageKind.RequestReceived, true)]
    [InlineData(MessageKind.ReturnedForCompletion, true)]
    [InlineData(MessageKind.ComplaintAnswered, true)]
    [InlineData(MessageKind.Survey, false)]
    public void IsEssential_codes_and_decisions_yes_surveys_no(MessageKind kind, bool essential) =>
        Assert.Equal(essential, MessageRules.IsEssential(kind));

    [Fact]
    public void MaySend_an_opted_out_beneficiary_still_gets_the_code_and_the_decision_but_no_survey()
    {
        Assert.True(MessageRules.MaySend(MessageKind.Otp, nonEssentialOptOut: true));
        Assert.True(MessageRules.MaySend(MessageKind.Decision, nonEssentialOptOut: true));
        Assert.False(MessageRules.MaySend(MessageKind.Survey, nonEssentialOptOut: true));
        Assert.True(MessageRules.MaySend(MessageKind.Survey, nonEssentialOptOut: false));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void BackOff_doubles_from_one_minute(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MessageDelivery.BackOff(attempts));
}
