using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Text;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Notifications.Messaging;

/// <summary>A message's text: the subject (e-mail only) and the body.</summary>
/// <param name="KeptBody">
/// The text kept in the outbox once the message has been sent or given up, when the body carries a secret (a one-time
/// code masked); null: the body itself is kept.
/// </param>
public sealed record MessageText(string Subject, string Body, string? KeptBody = null);

/// <summary>
/// The Arabic texts of every message the association sends, as localized strings (keys in English, Arabic in
/// SharedResource.ar.resx). Messages are written in Arabic whatever the culture of the thread that raises them
/// (a background service has none). Links are absolute (<see cref="Common.PublicLinks"/>).
/// </summary>
public sealed class MessageTemplates(IStringLocalizer<SharedResource> l)
{
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-SA");

    public MessageText DecisionDueSoon(string requestNumber, DateOnly dueOn) => InArabic(() => new MessageText(
        l["Reminder: the decision on request {0} is due soon", requestNumber],
        l["The committee's decision on support request {0} is due on {1}. Please put it on the agenda of the committee's next session.", requestNumber, DualDate.Format(dueOn, Arabic)]));

    public MessageText DecisionOverdue(string requestNumber, DateOnly dueOn) => InArabic(() => new MessageText(
        l["The decision on request {0} is overdue", requestNumber],
        l["The period for deciding support request {0} ended on {1} without a decision. Please follow it up with the committee.", requestNumber, DualDate.Format(dueOn, Arabic)]));

    /// <param name="trackLink">The portal's tracking page, where the number, the identity number and a code open the request.</param>
    public MessageText RequestReceived(string requestNumber, string trackLink) => InArabic(() => new MessageText(
        l["Your request {0} has been received", requestNumber],
        l["Your support request has been received under number {0}. You can follow it on the association's portal with this number: {1}", requestNumber, trackLink]));

    /// <summary>Someone applied on the portal with this file's identity number while its website application is still open.</summary>
    public MessageText ApplicationAlreadyOpen(string requestNumber, string trackLink) => InArabic(() => new MessageText(
        l["Your request {0} is under study", requestNumber],
        l["An application was sent from the association's website with your identity number. You already have request {0} under study, so no new request was opened. You can follow it on the association's portal with this number: {1}", requestNumber, trackLink]));

    public MessageText ReturnedForCompletion(string requestNumber, string trackLink) => InArabic(() => new MessageText(
        l["Request {0} needs completing", requestNumber],
        l["Your request {0} has been returned for completion. Please provide the missing documents through the association's portal or at its office: {1}", requestNumber, trackLink]));

    public MessageText Decision(string requestNumber, string trackLink) => InArabic(() => new MessageText(
        l["A decision has been issued on request {0}", requestNumber],
        l["The committee has issued its decision on your request {0}. You can read it on the association's portal: {1}", requestNumber, trackLink]));

    /// <param name="beneficiaryNumber">The number given at registration (JTH-…), not the file number (B-…).</param>
    public MessageText Registration(string beneficiaryNumber) => InArabic(() => new MessageText(
        l["Your registration with the association"],
        l["You have been registered as a beneficiary of the association under beneficiary number {0}.", beneficiaryNumber]));

    public MessageText Survey(string requestNumber, string link) => InArabic(() => new MessageText(
        l["Your opinion of our service"],
        l["Thank you for dealing with the association about request {0}. We would value your opinion of our service: {1}", requestNumber, link]));

    /// <summary>The code goes out once; the outbox keeps the text with the code masked (PDPL: no secret kept readable at rest).</summary>
    public MessageText Otp(string code, int minutes) => InArabic(() => new MessageText(
        l["Your verification code"],
        l["Your verification code is {0}. It is valid {1}. Do not share it with anyone.", code, l.Count(Counted.ForMinutes, minutes)],
        l["Your verification code is {0}. It is valid {1}. Do not share it with anyone.", MaskedCode, l.Count(Counted.ForMinutes, minutes)]));

    /// <summary>What the outbox keeps in place of a one-time code.</summary>
    public const string MaskedCode = "••••••";

    /// <param name="followLink">The portal page where the reference number and the mobile open the reply.</param>
    public MessageText ComplaintAnswered(string reference, string followLink) => InArabic(() => new MessageText(
        l["Reply to your submission {0}", reference],
        l["The association has replied to your submission {0}. You can read the reply on the association's portal with this reference number: {1}", reference, followLink]));

    private static MessageText InArabic(Func<MessageText> render)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Arabic;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
