using System.Net;
using Juthuruna.Features.Letters;
using Juthuruna.IntegrationTests.Infrastructure;
using Juthuruna.Testing;

namespace Juthuruna.IntegrationTests.Letters;

/// <summary>
/// What a reader copies or searches out of a printed letter: the PDF's text layer (pdftotext) must give the words as
/// written, not split where a letter that does not join its neighbour ends ("مساعدة إ يجار", "ر يال", "الهو ية").
/// </summary>
[Collection(SharedApp.Requests)]
public sealed class LetterTextLayerTests(AppFactory factory)
{
    // Every sample letter names the sample service, "مساعدة إيجار سكني"; amounts are in riyals; the missing-documents
    // sample asks for the national ID card.
    private static readonly Dictionary<LetterKind, string[]> WholeWords = new()
    {
        [LetterKind.Receipt] = ["مساعدة إيجار سكني"],
        [LetterKind.MissingDocuments] = ["مساعدة إيجار سكني", "الهوية الوطنية", "عقد الإيجار", "تعريف بالراتب"],
        [LetterKind.Referral] = ["مساعدة إيجار سكني"],
        [LetterKind.Approval] = ["مساعدة إيجار سكني", "ريال"],
        [LetterKind.Rejection] = ["مساعدة إيجار سكني"],
        [LetterKind.RegistrationConfirmation] = ["مساعدة إيجار سكني", "ريال"],
        [LetterKind.SessionMinutes] = ["مساعدة إيجار سكني", "ريال"],
    };

    [Fact]
    public async Task Letter_of_every_kind_reads_back_whole_words()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = await factory.SignInAsync(tenant.Admin.Email);

        Assert.Equal(Enum.GetValues<LetterKind>().Order(), WholeWords.Keys.Order());
        foreach (var (kind, words) in WholeWords)
        {
            var response = await admin.Http.GetAsync($"/Admin/Letterhead?handler=Preview&kind={kind}&language=ar");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync();
            foreach (var layout in new[] { false, true })
            {
                var text = await PdfText.ExtractAsync(pdf, layout);
                foreach (var word in words)
                {
                    Assert.True(text.Contains(word, StringComparison.Ordinal), $"{kind} (layout: {layout}): «{word}» is not whole in:\n{text}");
                }

                foreach (var split in new[] { "إ يجار", "ر يال", "الهو ية", "تعر يف" })
                {
                    Assert.False(text.Contains(split, StringComparison.Ordinal), $"{kind} (layout: {layout}): «{split}» in:\n{text}");
                }
            }
        }
    }
}
