using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Saudi;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Import;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Juthuruna.Tests.Import;

/// <summary>
/// The import's row rules (issue 15): what a spreadsheet brings that the desk form does not — choice words in either
/// language and gender form, a calendar guessed from the date, Excel's date serials, a blank identity type — and the
/// past-aid rows' own checks. The desk form's rules themselves are <c>BeneficiaryFormValidatorTests</c>.
/// </summary>
public sealed class ImportRowReaderTests : IDisposable
{
    private static readonly IStringLocalizer<SharedResource> L = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static readonly DateOnly Today = new(2026, 12, 7);

    private readonly (CultureInfo Ui, CultureInfo Current) _culture = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

    public ImportRowReaderTests() => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = ImportColumns.Arabic;

    public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = _culture;

    private static (HeaderMap Map, SheetRow Row) Row(ImportSheet sheet, params (string Key, string? Value)[] cells) =>
        (new HeaderMap(sheet, cells.Select(c => (string?)c.Key).ToArray(), cells.Select((c, i) => (c.Key, i)).ToDictionary(c => c.Key, c => c.i)),
         new SheetRow(2, cells.Select(c => c.Value).ToArray()));

    private static BeneficiaryForm File(RowProblems problems, params (string Key, string? Value)[] cells)
    {
        var (map, row) = Row(ImportSheet.Files, cells);
        return new ImportRowReader(L, Today).FileForm(map, row, problems);
    }

    [Theory]
    [InlineData("ذكر", Gender.Male, "متزوجة", MaritalStatus.Married)]
    [InlineData("Female", Gender.Female, "متزوج", MaritalStatus.Married)]
    [InlineData(" أنثى ", Gender.Female, "Married", MaritalStatus.Married)]
    public void FileForm_choice_words_in_either_language_and_either_gender_form_are_read(string gender, Gender expectedGender, string marital, MaritalStatus expectedMarital)
    {
        var problems = new RowProblems();

        var form = File(problems, (nameof(BeneficiaryForm.Gender), gender), (nameof(BeneficiaryForm.MaritalStatus), marital));

        Assert.False(problems.Any);
        Assert.Equal((expectedGender, expectedMarital), (form.Gender, form.MaritalStatus));
    }

    [Fact]
    public void FileForm_a_word_that_is_no_allowed_value_is_refused_naming_the_allowed_ones()
    {
        var problems = new RowProblems();

        var form = File(problems, (nameof(BeneficiaryForm.Gender), "غير معروف"));

        Assert.Null(form.Gender);
        var reason = problems.ByColumn[nameof(BeneficiaryForm.Gender)];
        Assert.Contains("«غير معروف» ليست من القيم المسموحة", reason, StringComparison.Ordinal);
        Assert.Contains("ذكر", reason, StringComparison.Ordinal);
        Assert.Contains("أنثى", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000000008", IdentityType.NationalId)]
    [InlineData("2000000006", IdentityType.Iqama)]
    [InlineData("٢٠٠٠٠٠٠٠٠٦", IdentityType.Iqama)]
    public void FileForm_blank_identity_type_is_guessed_from_the_first_digit(string number, IdentityType expected)
    {
        var form = File(new RowProblems(), (ImportColumns.IdentityNumber, number), (ImportColumns.IdentityType, null));

        Assert.Equal(expected, form.IdentityType);
    }

    [Theory]
    [InlineData("45000", "2023-03-15", CalendarKind.Gregorian)]       // Excel's serial day of a cell formatted as a date
    [InlineData("1405-03-12", "1405-03-12", CalendarKind.Hijri)]      // a year before 1600 is Hijri
    [InlineData("1985-11-24", "1985-11-24", CalendarKind.Gregorian)]
    public void FileForm_birth_date_calendar_is_taken_from_the_cell(string cell, string expectedText, CalendarKind expectedCalendar)
    {
        var form = File(new RowProblems(), (ImportColumns.BirthDate, cell));

        Assert.Equal((expectedText, expectedCalendar), (form.BirthDate, form.BirthDateCalendar));
    }

    [Fact]
    public void Aid_amount_in_arabic_indic_digits_and_a_hijri_date_are_read()
    {
        var (map, row) = Row(ImportSheet.Aid,
            (ImportColumns.HolderIdentityNumber, "١٠٠٠٠٠٠٠٠٨"), (ImportColumns.Date, "1446-09-01"), (ImportColumns.Description, "سلة غذائية"), (ImportColumns.Amount, "١٥٠٠٫٥٠"));

        var aid = new ImportRowReader(L, Today).Aid(map, row);

        Assert.False(aid.Problems.Any);
        Assert.Equal(("1000000008", 150050L, "سلة غذائية"), (aid.HolderId, aid.AmountHalalas, aid.Description));
        Assert.Equal(DateEntry.TryParse("1446-09-01", CalendarKind.Hijri, out var date) ? date : default, aid.Date);
    }

    [Fact]
    public void Aid_without_holder_or_description_with_a_future_date_and_a_bad_amount_is_refused_cell_by_cell()
    {
        var (map, row) = Row(ImportSheet.Aid,
            (ImportColumns.HolderIdentityNumber, null), (ImportColumns.Date, "2027-01-01"), (ImportColumns.Description, null), (ImportColumns.Amount, "ألف"));

        var aid = new ImportRowReader(L, Today).Aid(map, row);

        Assert.Equal("أدخل رقم هوية صاحب الملف.", aid.Problems.ByColumn[ImportColumns.HolderIdentityNumber]);
        Assert.Contains("المستقبل", aid.Problems.ByColumn[ImportColumns.Date], StringComparison.Ordinal);
        Assert.True(aid.Problems.ByColumn.ContainsKey(ImportColumns.Description));
        Assert.True(aid.Problems.ByColumn.ContainsKey(ImportColumns.Amount));
    }

    [Fact]
    public void Member_without_its_holder_is_refused_and_its_identity_number_is_normalised()
    {
        var (map, row) = Row(ImportSheet.Members, (ImportColumns.HolderIdentityNumber, " "), (ImportColumns.Name, "سارة"), (ImportColumns.IdentityNumber, "٢٠٠٠٠٠٠٠٠٦"));

        var member = new ImportRowReader(L, Today).Member(map, row);

        Assert.True(member.Problems.ByColumn.ContainsKey(ImportColumns.HolderIdentityNumber));
        Assert.Equal(("2000000006", IdentityType.Iqama), (member.IdentityNumber, member.Form.IdentityType));
    }
}
