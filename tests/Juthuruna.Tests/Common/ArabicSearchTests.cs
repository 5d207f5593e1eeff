using Juthuruna.Common.Text;

namespace Juthuruna.Tests.Common;

public sealed class ArabicSearchTests
{
    [Theory]
    [InlineData("عبدُالله", "عبدالله")]
    [InlineData("عبـــدالله", "عبدالله")]
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمنة", "امنه")]
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("  نورة   العتيبي ", "نوره العتيبي")]
    [InlineData("Noura AL-Otaibi", "noura al-otaibi")]
    [InlineData("١٢٣", "123")]
    public void Normalize_folds_spelling_variants(string input, string expected) =>
        Assert.Equal(expected, ArabicSearch.Normalize(input));

    [Fact]
    public void Normalize_variant_spellings_of_one_name_share_a_key() =>
        Assert.Equal(ArabicSearch.Normalize("أسامة الزهرانى"), ArabicSearch.Normalize("اُسامه الزهراني"));
}
