using System.Text.RegularExpressions;
using Juthuruna.Common.Dates;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Juthuruna.BrowserTests;

/// <summary>
/// Issue 6's acceptance on the demo association, on a phone-sized screen: a beneficiary tracks their request through
/// the portal with the one-time code the development outbox shows, sends the missing document, and answers the
/// satisfaction survey of their closed request; the manager then sees the answer counted in the results.
/// </summary>
public sealed partial class PortalJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // The demo's returned request (the third it opens, numbered in the Hijri year of seeding) and its beneficiary.
    private const string IdentityNumber = "1400012371";
    private const string RegisteredMobile = "+966551230001";

    private static readonly string[] Questions = ["overall", "courtesy", "speed", "clarity"];

    // A 1×1 PNG: real image bytes, so the content check accepts it.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public Task Beneficiary_tracks_with_a_code_sends_a_missing_document_and_answers_the_survey_that_the_manager_sees() =>
        InBrowserAsync("portal-journey", async staffPage =>
        {
            await using var phone = await Fixture.NewContextAsync(phone: true);
            var page = await phone.NewPageAsync();
            var number = $"JTH-{DualDate.ToHijri(DualDate.RiyadhDay(DateTime.UtcNow)).Year}-000003";

            // The portal's front page, then tracking with the number typed in Arabic-Indic digits.
            await page.GotoAsync("/t/juthuruna");
            await ExpectDirectionAsync(page, "ar", "rtl");
            await Expect(page.GetByTestId("portal-association")).ToHaveTextAsync("جمعية جذورنا الثقافية");
            await ScreenshotAsync(page, "portal-1-home");
            await page.GetByTestId("portal-track").ClickAsync();
            await page.Locator("input[name='Input.Number']").FillAsync(ToArabicIndic(number));
            await page.Locator("input[name='Input.IdentityNumber']").FillAsync(IdentityNumber);
            await page.GetByTestId("track-lookup").Locator("button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("code-sent")).ToContainTextAsync("01");

            // The code "sent" to the registered mobile waits in the development outbox.
            var code = await ReadOutboxAsync(phone, RegisteredMobile, OtpCode());
            await page.Locator("input[name='Code']").FillAsync(code);
            await ScreenshotAsync(page, "portal-2-code");
            await page.GetByTestId("track-code").Locator("button[type=submit]").ClickAsync();

            // The request as the beneficiary sees it: returned for completion, with what is missing.
            await Expect(page.GetByTestId("request-number")).ToHaveTextAsync(number);
            await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
            var missing = page.GetByTestId("missing-document");
            var before = await missing.CountAsync();
            Assert.True(before > 0, "the returned request lists missing documents");
            await ScreenshotAsync(page, "portal-3-request");
            await missing.First.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "هوية.png", MimeType = "image/png", Buffer = Png });
            await missing.First.Locator("button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("uploaded-on").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "portal-4-uploaded");

            // The closed request's survey link, from its message in the outbox.
            var surveyPath = await ReadOutboxAsync(phone, null, SurveyPath());
            await page.GotoAsync(surveyPath);
            foreach (var question in Questions)
            {
                await page.GetByTestId($"survey-{question}").Locator("label").Nth(4).ClickAsync();
            }

            await page.GetByTestId("survey-comment").FillAsync("شكرًا لسرعة الاستجابة ووضوح المعلومات.");
            await ScreenshotAsync(page, "portal-5-survey");
            await page.GetByTestId("survey-submit").ClickAsync();
            await Expect(page.GetByTestId("survey-answered")).ToBeVisibleAsync();
            await page.GotoAsync(surveyPath); // one use only
            await Expect(page.GetByTestId("survey-answered")).ToBeVisibleAsync();

            // The manager sees the answer among the results (the demo seeds 36 before it), never per employee.
            await SignInFromHomeAsync(staffPage, "manager@juthuruna.org.sa");
            await staffPage.GotoAsync("/Satisfaction");
            await Expect(staffPage.GetByTestId("total-count")).ToHaveTextAsync("37");
            await Expect(staffPage.GetByTestId("no-ranking")).ToBeVisibleAsync();
            await Expect(staffPage.Locator("body")).ToContainTextAsync("شكرًا لسرعة الاستجابة ووضوح المعلومات.");
            await ScreenshotAsync(staffPage, "portal-6-manager-results");
        });

    /// <summary>Opens /dev/outbox until the dispatcher has delivered a matching message; the first match's group 1.</summary>
    private static async Task<string> ReadOutboxAsync(IBrowserContext context, string? recipient, Regex pattern)
    {
        var outbox = await context.NewPageAsync();
        try
        {
            // Bounded by time, not by a count of attempts: on a loaded machine each reload and each dispatcher pass is slower.
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(BrowserFixture.TimeoutMs);
            while (DateTime.UtcNow < deadline)
            {
                await outbox.GotoAsync("/dev/outbox");
                foreach (var row in await outbox.GetByTestId("outbox-message").AllAsync())
                {
                    if (recipient is not null && (await row.GetByTestId("outbox-recipient").TextContentAsync())!.Trim() != recipient)
                    {
                        continue;
                    }

                    if (pattern.Match((await row.GetByTestId("outbox-body").TextContentAsync())!) is { Success: true } match)
                    {
                        return match.Groups[1].Value;
                    }
                }

                await Task.Delay(500); // the development dispatcher passes every 3 s
            }

            throw new Xunit.Sdk.XunitException($"No message matching {pattern} reached /dev/outbox.");
        }
        finally
        {
            await outbox.CloseAsync();
        }
    }

    private static string ToArabicIndic(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('٠' + (c - '0')) : c));

    [GeneratedRegex(@"رمز التحقق الخاص بكم هو (\d{6})")]
    private static partial Regex OtpCode();

    [GeneratedRegex(@"https?://[^/\s]+(/t/juthuruna/survey/[A-Za-z0-9_-]+)")]
    private static partial Regex SurveyPath();
}
