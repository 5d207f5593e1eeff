using System.Globalization;
using Juthuruna.Common.Dates;
using Juthuruna.Common.Money;
using Juthuruna.Common.Saudi;
using Juthuruna.Common.Text;
using Juthuruna.Features.Beneficiaries;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

/// <summary>Which column of the file holds which template column, and which template columns a row needs but the file lacks.</summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _columns;

    public HeaderMap(ImportSheet sheet, IReadOnlyList<string?> headers, Dictionary<string, int> columns)
    {
        Sheet = sheet;
        Headers = headers;
        _columns = columns;
        Missing = ImportColumns.Of(sheet).Where(c => c.Required && !columns.ContainsKey(c.Key)).ToList();
    }

    public ImportSheet Sheet { get; }

    /// <summary>The file's header row as written.</summary>
    public IReadOnlyList<string?> Headers { get; }

    public IReadOnlyList<ImportColumn> Missing { get; }

    public IReadOnlyDictionary<string, int> Columns => _columns;

    public string? Cell(SheetRow row, string key)
    {
        if (!_columns.TryGetValue(key, out var index))
        {
            return null;
        }

        var value = row[index];
        return string.IsNullOrWhiteSpace(value) ? null : UserText.StripBidiControls(value).Trim();
    }

    /// <summary>
    /// Matches each header of the file with a template column: first the association's saved mapping (exact header
    /// text), then the template's Arabic or English header or the column's key, compared without diacritics, hamza
    /// variants or spaces. The refused-rows workbook's reason columns are skipped, so a corrected one can be uploaded as is.
    /// </summary>
    public static HeaderMap Match(ImportSheet sheet, SheetRow? headerRow, IReadOnlyDictionary<string, string>? saved, IStringLocalizer l)
    {
        var headers = headerRow?.Cells ?? [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in ImportColumns.Of(sheet))
        {
            foreach (var name in new[] { column.Key, l[column.Header].Value, column.Header, ImportColumns.InCulture(ImportColumns.Arabic, () => l[column.Header].Value) })
            {
                known.TryAdd(ImportColumns.Comparable(name), column.Key);
            }
        }

        var reasonPrefix = ImportColumns.Comparable(ImportColumns.InCulture(ImportColumns.Arabic, () => l[ImportColumns.ReasonHeader, ""].Value));
        var reasonPrefixEn = ImportColumns.Comparable(ImportColumns.ReasonHeader.Replace("{0}", "", StringComparison.Ordinal));
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i];
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            var comparable = ImportColumns.Comparable(header);
            if (comparable.StartsWith(reasonPrefix, StringComparison.Ordinal) || comparable.StartsWith(reasonPrefixEn, StringComparison.Ordinal))
            {
                continue;
            }

            var key = saved is not null && saved.TryGetValue(header.Trim(), out var mapped) ? mapped
                : known.TryGetValue(comparable, out var matched) ? matched
                : null;
            if (key is not null && key.Length > 0)
            {
                columns.TryAdd(key, i);
            }
        }

        return new HeaderMap(sheet, headers, columns);
    }
}

/// <summary>What is wrong with one row: the reason beside each refused cell (by column key).</summary>
public sealed class RowProblems
{
    private readonly Dictionary<string, string> _byColumn = new(StringComparer.Ordinal);

    public bool Any => _byColumn.Count > 0;

    public IReadOnlyDictionary<string, string> ByColumn => _byColumn;

    /// <summary>The first reason of a cell is kept: it is the one to fix first.</summary>
    public void Add(string column, string message) => _byColumn.TryAdd(column, message);
}

/// <summary>A row of the household-members sheet, read and normalised.</summary>
public sealed class MemberRow
{
    public required SheetRow Row { get; init; }
    public required string HolderId { get; init; }
    public required MemberForm Form { get; init; }

    /// <summary>The member's identity number as stored (normalised), or null.</summary>
    public string? IdentityNumber { get; init; }
    public RowProblems Problems { get; } = new();
}

/// <summary>A row of the past-aid sheet, read and checked.</summary>
public sealed class AidRow
{
    public required SheetRow Row { get; init; }
    public required string HolderId { get; init; }
    public DateOnly Date { get; init; }
    public string Description { get; init; } = "";
    public long AmountHalalas { get; init; }
    public string? Notes { get; init; }
    public RowProblems Problems { get; } = new();
}

/// <summary>
/// Turns rows into the desk form's commands (<see cref="BeneficiaryForm"/>, <see cref="MemberForm"/>), so a row is
/// checked by the very validator the desk form uses; only what a spreadsheet adds is checked here: the words of a
/// column of choices, a date whose calendar is not said, Excel's date serial numbers.
/// </summary>
public sealed class ImportRowReader(IStringLocalizer l, DateOnly today)
{
    private readonly Dictionary<Type, Dictionary<string, object>> _choices = [];

    public BeneficiaryForm FileForm(HeaderMap map, SheetRow row, RowProblems problems)
    {
        var identityNumber = map.Cell(row, ImportColumns.IdentityNumber);
        var form = new BeneficiaryForm
        {
            IdentityType = Choice<IdentityType>(map, row, ImportColumns.IdentityType, BeneficiaryLabels.Of, problems) ?? GuessIdentityType(identityNumber),
            IdentityNumber = identityNumber,
            FirstName = map.Cell(row, nameof(BeneficiaryForm.FirstName)),
            FatherName = map.Cell(row, nameof(BeneficiaryForm.FatherName)),
            GrandfatherName = map.Cell(row, nameof(BeneficiaryForm.GrandfatherName)),
            FamilyName = map.Cell(row, nameof(BeneficiaryForm.FamilyName)),
            NameEn = map.Cell(row, nameof(BeneficiaryForm.NameEn)),
            Gender = Choice<Gender>(map, row, nameof(BeneficiaryForm.Gender), BeneficiaryLabels.Of, problems),
            Nationality = map.Cell(row, nameof(BeneficiaryForm.Nationality)),
            MaritalStatus = Choice<MaritalStatus>(map, row, nameof(BeneficiaryForm.MaritalStatus), BeneficiaryLabels.Of, problems),
            Mobile = map.Cell(row, nameof(BeneficiaryForm.Mobile)),
            Email = map.Cell(row, nameof(BeneficiaryForm.Email)),
            City = map.Cell(row, nameof(BeneficiaryForm.City)),
            District = map.Cell(row, nameof(BeneficiaryForm.District)),
            Street = map.Cell(row, nameof(BeneficiaryForm.Street)),
            BuildingNumber = map.Cell(row, nameof(BeneficiaryForm.BuildingNumber)),
            PostalCode = map.Cell(row, nameof(BeneficiaryForm.PostalCode)),
            AdditionalNumber = map.Cell(row, nameof(BeneficiaryForm.AdditionalNumber)),
            EmploymentStatus = Choice<EmploymentStatus>(map, row, nameof(BeneficiaryForm.EmploymentStatus), BeneficiaryLabels.Of, problems),
            HousingType = Choice<HousingType>(map, row, nameof(BeneficiaryForm.HousingType), BeneficiaryLabels.Of, problems),
            HealthNotes = map.Cell(row, nameof(BeneficiaryForm.HealthNotes)),
            Notes = map.Cell(row, ImportColumns.Notes),
            Incomes = Enum.GetValues<IncomeKind>().Select(k => new IncomeForm { Kind = k, Amount = map.Cell(row, ImportColumns.IncomeKey(k)) }).ToList(),
        };
        (form.BirthDate, form.BirthDateCalendar) = DateCell(map.Cell(row, ImportColumns.BirthDate));
        return form;
    }

    public MemberRow Member(HeaderMap map, SheetRow row)
    {
        var problems = new RowProblems();
        var holder = map.Cell(row, ImportColumns.HolderIdentityNumber);
        var number = map.Cell(row, ImportColumns.IdentityNumber);
        var type = Choice<IdentityType>(map, row, ImportColumns.IdentityType, BeneficiaryLabels.Of, problems) ?? GuessIdentityType(number);
        var form = new MemberForm
        {
            Name = map.Cell(row, ImportColumns.Name),
            Relation = Choice<HouseholdRelation>(map, row, ImportColumns.Relation, BeneficiaryLabels.Of, problems),
            IdentityType = type,
            IdentityNumber = number,
            MonthlyIncome = map.Cell(row, ImportColumns.MonthlyIncome),
        };
        (form.BirthDate, form.BirthDateCalendar) = DateCell(map.Cell(row, ImportColumns.BirthDate));
        var member = new MemberRow
        {
            Row = row,
            HolderId = HolderKey(holder),
            Form = form,
            IdentityNumber = string.IsNullOrWhiteSpace(number) ? null : IdentityNumbers.Normalize(number, type),
        };
        foreach (var (column, message) in problems.ByColumn)
        {
            member.Problems.Add(column, message);
        }

        if (member.HolderId.Length == 0)
        {
            member.Problems.Add(ImportColumns.HolderIdentityNumber, l["Enter the identity number of the file's holder."]);
        }

        return member;
    }

    public AidRow Aid(HeaderMap map, SheetRow row)
    {
        var problems = new RowProblems();
        var holder = HolderKey(map.Cell(row, ImportColumns.HolderIdentityNumber));
        if (holder.Length == 0)
        {
            problems.Add(ImportColumns.HolderIdentityNumber, l["Enter the identity number of the file's holder."]);
        }

        var (dateText, calendar) = DateCell(map.Cell(row, ImportColumns.Date));
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(dateText))
        {
            problems.Add(ImportColumns.Date, l["Enter the date."]);
        }
        else if (!DateEntry.TryParse(dateText, calendar, out date))
        {
            problems.Add(ImportColumns.Date, l["Enter the date as year-month-day (1990-05-17) or day/month/year (17/05/1990) in the chosen calendar."]);
        }
        else if (date > today)
        {
            problems.Add(ImportColumns.Date, l["The date cannot be in the future."]);
        }

        var description = map.Cell(row, ImportColumns.Description);
        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add(ImportColumns.Description, l["Enter what was given."]);
        }
        else if (!TextLimits.Fits(description, PastAid.MaxDescription))
        {
            problems.Add(ImportColumns.Description, TextLimits.TooLong(l, PastAid.MaxDescription));
        }

        if (!Riyals.TryParseHalalas(map.Cell(row, ImportColumns.Amount), out var halalas))
        {
            problems.Add(ImportColumns.Amount, l["Enter the amount in riyals, e.g. 1500 or 1500.50."]);
        }

        var notes = map.Cell(row, ImportColumns.Notes);
        if (!TextLimits.Fits(notes, TextLimits.Note))
        {
            problems.Add(ImportColumns.Notes, TextLimits.TooLong(l, TextLimits.Note));
        }

        var aid = new AidRow
        {
            Row = row,
            HolderId = holder,
            Date = date,
            Description = description is null ? "" : UserText.SingleLine(description),
            AmountHalalas = halalas,
            Notes = notes,
        };
        foreach (var (column, message) in problems.ByColumn)
        {
            aid.Problems.Add(column, message);
        }

        return aid;
    }

    /// <summary>The holder's identity number as the files sheet's would be stored: digits or upper-case letters.</summary>
    public static string HolderKey(string? value) => NationalId.Normalize(value).ToUpperInvariant();

    /// <summary>A blank identity type: a 10-digit number starting with 1 is a national ID, with 2 an iqama.</summary>
    private static IdentityType GuessIdentityType(string? number) =>
        NationalId.Normalize(number) is { Length: 10 } id && id[0] == '2' ? IdentityType.Iqama : IdentityType.NationalId;

    /// <summary>A date cell: text as typed (either calendar), or Excel's serial day number for a cell formatted as a date.</summary>
    private static (string? Text, CalendarKind Calendar) DateCell(string? value)
    {
        if (value is null)
        {
            return (null, CalendarKind.Gregorian);
        }

        var ascii = Digits.ToAscii(value).Trim();
        if (ascii.Length is >= 4 and <= 5 && ascii.All(char.IsAsciiDigit) && int.Parse(ascii, CultureInfo.InvariantCulture) is > 366 and < 80_000 and var serial)
        {
            return (DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CalendarKind.Gregorian);
        }

        return DateEntry.WithGuessedCalendar(value);
    }

    private T? Choice<T>(HeaderMap map, SheetRow row, string key, Func<IStringLocalizer, T, string> label, RowProblems problems)
        where T : struct, Enum
    {
        var text = map.Cell(row, key);
        if (text is null)
        {
            return null;
        }

        if (!_choices.TryGetValue(typeof(T), out var table))
        {
            table = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues<T>())
            {
                foreach (var name in new[]
                         {
                             label(l, value), ImportColumns.InCulture(ImportColumns.Arabic, () => label(l, value)),
                             ImportColumns.InCulture(CultureInfo.InvariantCulture, () => label(l, value)), value.ToString(),
                         })
                {
                    table.TryAdd(ImportColumns.Comparable(name), value);
                    // "متزوج/متزوجة", "زوج/زوجة": either form alone is the same choice.
                    foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        table.TryAdd(ImportColumns.Comparable(part), value);
                    }
                }
            }

            _choices[typeof(T)] = table;
        }

        if (table.TryGetValue(ImportColumns.Comparable(text), out var found))
        {
            return (T)found;
        }

        problems.Add(key, l["\"{0}\" is not one of the allowed values: {1}.", text, string.Join("، ", Enum.GetValues<T>().Select(v => label(l, v)))]);
        return null;
    }
}
