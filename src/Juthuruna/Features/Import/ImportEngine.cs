using FluentValidation;
using Juthuruna.Data;
using Juthuruna.Features.Beneficiaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Features.Import;

public enum HouseholdOutcome
{
    /// <summary>A new file: imported.</summary>
    New = 1,

    /// <summary>The holder already has a file: matched by identity number, updated only if the user chose so.</summary>
    Existing = 2,
    Refused = 3,
}

/// <summary>A row of the files sheet with its household members and past aid, and what the checks decided.</summary>
public sealed class Household
{
    public required SheetRow Row { get; init; }
    public required BeneficiaryForm Form { get; init; }

    /// <summary>The holder's identity number as stored.</summary>
    public required string IdentityNumber { get; init; }
    public List<MemberRow> Members { get; init; } = [];
    public List<AidRow> Aid { get; init; } = [];
    public RowProblems Problems { get; } = new();
    public HouseholdOutcome Outcome { get; set; }
    public Guid? ExistingId { get; set; }
}

/// <summary>One refused cell, for the report page's first errors.</summary>
public sealed record ImportProblem(ImportSheet Sheet, int Row, string Column, string? Value, string Message);

/// <summary>Receives the decided households, a chunk at a time, in the files sheet's order.</summary>
public interface IHouseholdSink
{
    /// <summary>Once, after the headers are matched and before the first chunk.</summary>
    void Start(ImportTally tally);

    Task AcceptAsync(IReadOnlyList<Household> chunk, CancellationToken ct);
}

/// <summary>What a pass over a workbook found: the counts, the members' and aid rows (refused ones to report).</summary>
public sealed class ImportTally
{
    public int FilesValid { get; set; }
    public int FilesExisting { get; set; }
    public int FilesRefused { get; set; }
    public int MembersValid { get; set; }
    public int MembersRefused { get; set; }
    public int AidValid { get; set; }
    public int AidRefused { get; set; }
    public List<ImportProblem> FirstProblems { get; } = [];
    public List<MemberRow> Members { get; } = [];
    public List<AidRow> Aid { get; } = [];
    public HeaderMap? FilesMap { get; set; }
    public HeaderMap? MembersMap { get; set; }
    public HeaderMap? AidMap { get; set; }
}

/// <summary>
/// Reads a workbook and decides every row, the same way for the dry run and for the commit (which checks again: the
/// association's data may have changed since). Four streaming passes: the holders' identity numbers (to find a person who
/// is holder in one row and member in another, or holder twice), the members, the past aid, then the files in chunks —
/// each chunk's identity numbers looked up in the association's files and household members in two queries, each row
/// checked by the desk form's validator with its members. A household is imported whole or not at all: a refused member
/// or holder refuses the file, its members and its aid.
/// </summary>
public sealed class ImportEngine(AppDbContext db, IValidator<BeneficiaryForm> validator, IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    public const int MaxFirstProblems = 50;

    /// <summary>The headers of the three sheets, matched with the template's (and the association's saved mapping).</summary>
    public async Task<IReadOnlyList<HeaderMap>> MapHeadersAsync(WorkbookSource source, CancellationToken ct)
    {
        var saved = await db.ImportMappings.AsNoTracking().ToListAsync(ct);
        var maps = new List<HeaderMap>();
        foreach (var sheet in Enum.GetValues<ImportSheet>().Where(source.Has))
        {
            var mapping = saved.FirstOrDefault(m => m.Sheet == sheet.ToString());
            var columns = mapping is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(mapping.Columns);
            maps.Add(HeaderMap.Match(sheet, source.Rows(sheet).FirstOrDefault(), columns, l));
        }

        return maps;
    }

    public async Task<ImportTally> RunAsync(WorkbookSource source, IHouseholdSink sink, int chunkSize, int afterRow, CancellationToken ct)
    {
        var reader = new ImportRowReader(l, Common.Dates.DualDate.Today(clock));
        var maps = await MapHeadersAsync(source, ct);
        var tally = new ImportTally
        {
            FilesMap = maps.Single(m => m.Sheet == ImportSheet.Files),
            MembersMap = maps.SingleOrDefault(m => m.Sheet == ImportSheet.Members),
            AidMap = maps.SingleOrDefault(m => m.Sheet == ImportSheet.Aid),
        };
        if (maps.FirstOrDefault(m => m.Missing.Count > 0) is { } incomplete)
        {
            throw new ImportFileException(l["The sheet \"{0}\" lacks the columns: {1}. Use the template's headers or map the columns.",
                l[ImportColumns.SheetName(incomplete.Sheet)], string.Join("، ", incomplete.Missing.Select(c => l[c.Header].Value))]);
        }

        var filesMap = tally.FilesMap;
        sink.Start(tally);

        // Pass 1: every holder's identity number and its rows.
        var holderRows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var row in source.Rows(ImportSheet.Files).Skip(1))
        {
            var id = ImportRowReader.HolderKey(filesMap.Cell(row, ImportColumns.IdentityNumber));
            if (id.Length > 0)
            {
                (holderRows.TryGetValue(id, out var rows) ? rows : holderRows[id] = []).Add(row.Number);
            }
        }

        // Pass 2: the members, by holder; a person twice among the members, or a member who is a holder too, is refused.
        var membersByHolder = new Dictionary<string, List<MemberRow>>(StringComparer.Ordinal);
        var memberIds = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tally.MembersMap is { } membersMap)
        {
            foreach (var row in source.Rows(ImportSheet.Members).Skip(1))
            {
                var member = reader.Member(membersMap, row);
                tally.Members.Add(member);
                if (member.IdentityNumber is { } memberId)
                {
                    if (memberIds.TryGetValue(memberId, out var first))
                    {
                        member.Problems.Add(ImportColumns.IdentityNumber, l["This person is already a household member in row {0} of this sheet.", first]);
                    }
                    else
                    {
                        memberIds[memberId] = row.Number;
                    }

                    if (holderRows.TryGetValue(memberId, out var asHolder))
                    {
                        member.Problems.Add(ImportColumns.IdentityNumber, l["This person is the holder of a file in row {0} of the sheet \"{1}\": one person is either a holder or a member.",
                            asHolder[0], l[ImportColumns.SheetName(ImportSheet.Files)]]);
                    }
                }

                if (member.HolderId.Length > 0 && !holderRows.ContainsKey(member.HolderId))
                {
                    member.Problems.Add(ImportColumns.HolderIdentityNumber, l["No row of the sheet \"{0}\" has this holder's identity number.", l[ImportColumns.SheetName(ImportSheet.Files)]]);
                }

                if (member.HolderId.Length > 0)
                {
                    (membersByHolder.TryGetValue(member.HolderId, out var list) ? list : membersByHolder[member.HolderId] = []).Add(member);
                }
            }
        }

        // Pass 3: past aid, by holder.
        var aidByHolder = new Dictionary<string, List<AidRow>>(StringComparer.Ordinal);
        if (tally.AidMap is { } aidMap)
        {
            foreach (var row in source.Rows(ImportSheet.Aid).Skip(1))
            {
                var aid = reader.Aid(aidMap, row);
                tally.Aid.Add(aid);
                if (aid.HolderId.Length > 0 && !holderRows.ContainsKey(aid.HolderId))
                {
                    aid.Problems.Add(ImportColumns.HolderIdentityNumber, l["No row of the sheet \"{0}\" has this holder's identity number.", l[ImportColumns.SheetName(ImportSheet.Files)]]);
                }

                if (aid.HolderId.Length > 0)
                {
                    (aidByHolder.TryGetValue(aid.HolderId, out var list) ? list : aidByHolder[aid.HolderId] = []).Add(aid);
                }
            }
        }

        // Pass 4: the files, a chunk at a time.
        var chunk = new List<Household>(chunkSize);
        foreach (var row in source.Rows(ImportSheet.Files).Skip(1))
        {
            ct.ThrowIfCancellationRequested();
            var household = Read(reader, filesMap, row, holderRows, memberIds, membersByHolder, aidByHolder);
            chunk.Add(household);
            if (chunk.Count == chunkSize)
            {
                await DecideAsync(chunk, tally, sink, afterRow, ct);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            await DecideAsync(chunk, tally, sink, afterRow, ct);
        }

        foreach (var member in tally.Members.Where(m => m.Problems.Any))
        {
            Note(tally, ImportSheet.Members, member.Row, member.Problems, tally.MembersMap!);
        }

        foreach (var aid in tally.Aid.Where(a => a.Problems.Any))
        {
            Note(tally, ImportSheet.Aid, aid.Row, aid.Problems, tally.AidMap!);
        }

        tally.MembersValid = tally.Members.Count(m => !m.Problems.Any);
        tally.MembersRefused = tally.Members.Count - tally.MembersValid;
        tally.AidValid = tally.Aid.Count(a => !a.Problems.Any);
        tally.AidRefused = tally.Aid.Count - tally.AidValid;
        return tally;
    }

    private Household Read(ImportRowReader reader, HeaderMap map, SheetRow row, Dictionary<string, List<int>> holderRows, Dictionary<string, int> memberIds,
        Dictionary<string, List<MemberRow>> membersByHolder, Dictionary<string, List<AidRow>> aidByHolder)
    {
        var problems = new RowProblems();
        var form = reader.FileForm(map, row, problems);
        var id = IdentityNumbers.Normalize(form.IdentityNumber, form.IdentityType);
        var key = ImportRowReader.HolderKey(form.IdentityNumber);
        var members = key.Length > 0 && membersByHolder.TryGetValue(key, out var m) ? m : [];
        var aid = key.Length > 0 && aidByHolder.TryGetValue(key, out var a) ? a : [];
        form.Members = members.Select(x => x.Form).ToList();
        var household = new Household { Row = row, Form = form, IdentityNumber = id, Members = members, Aid = aid };
        foreach (var (column, message) in problems.ByColumn)
        {
            household.Problems.Add(column, message);
        }

        foreach (var failure in validator.Validate(form).Errors)
        {
            var (memberIndex, column) = ColumnOf(failure.PropertyName);
            if (memberIndex is { } i && i < members.Count)
            {
                members[i].Problems.Add(column, failure.ErrorMessage);
            }
            else
            {
                household.Problems.Add(column, failure.ErrorMessage);
            }
        }

        // Holder twice: both rows are refused — which of the two is right is for the user to say.
        if (key.Length > 0 && holderRows.TryGetValue(key, out var rows) && rows.Count > 1)
        {
            household.Problems.Add(ImportColumns.IdentityNumber, l["The same identity number is in row {0} of this sheet.", rows.First(r => r != row.Number)]);
        }

        if (key.Length > 0 && memberIds.TryGetValue(key, out var memberRow))
        {
            household.Problems.Add(ImportColumns.IdentityNumber, l["This person is also a household member in row {0} of the sheet \"{1}\": one person is either a holder or a member.",
                memberRow, l[ImportColumns.SheetName(ImportSheet.Members)]]);
        }

        return household;
    }

    private async Task DecideAsync(List<Household> chunk, ImportTally tally, IHouseholdSink sink, int afterRow, CancellationToken ct)
    {
        // The association's own data only: both queries go through the tenant filter.
        var holderIds = chunk.Select(h => h.IdentityNumber).Where(i => i.Length > 0).Distinct().ToList();
        var allIds = holderIds.Concat(chunk.SelectMany(h => h.Members).Select(m => m.IdentityNumber).OfType<string>()).Distinct().ToList();
        var files = await db.Beneficiaries.AsNoTracking().Where(b => allIds.Contains(b.IdentityNumber))
            .Select(b => new { b.Id, b.IdentityNumber, b.FileNumber }).ToListAsync(ct);
        var filesById = files.ToDictionary(f => f.IdentityNumber, StringComparer.Ordinal);
        var asMembers = await db.Beneficiaries.AsNoTracking()
            .SelectMany(b => b.HouseholdMembers.Where(m => m.IdentityNumber != null && allIds.Contains(m.IdentityNumber)), (b, m) => new { b.Id, b.FileNumber, m.IdentityNumber })
            .ToListAsync(ct);
        var membersById = asMembers.GroupBy(m => m.IdentityNumber!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        foreach (var household in chunk)
        {
            Guid? existing = filesById.TryGetValue(household.IdentityNumber, out var file) ? file.Id : null;
            household.ExistingId = existing;
            if (membersById.TryGetValue(household.IdentityNumber, out var counted) && counted.FirstOrDefault(c => c.Id != existing) is { } elsewhere)
            {
                household.Problems.Add(ImportColumns.IdentityNumber, l["This person is already a household member in the file {0}.", elsewhere.FileNumber]);
            }

            foreach (var member in household.Members.Where(m => m.IdentityNumber is not null))
            {
                if (filesById.TryGetValue(member.IdentityNumber!, out var own))
                {
                    member.Problems.Add(ImportColumns.IdentityNumber, l["This person has their own file {0}: one person is either a holder or a member.", own.FileNumber]);
                }

                if (membersById.TryGetValue(member.IdentityNumber!, out var other) && other.FirstOrDefault(c => c.Id != existing) is { } otherFile)
                {
                    member.Problems.Add(ImportColumns.IdentityNumber, l["This person is already a household member in the file {0}.", otherFile.FileNumber]);
                }
            }

            // A household goes in whole or not at all.
            if (household.Members.FirstOrDefault(m => m.Problems.Any) is { } refusedMember)
            {
                household.Problems.Add(ImportColumns.IdentityNumber, l["A household member of this file is refused (row {0} of the sheet \"{1}\").",
                    refusedMember.Row.Number, l[ImportColumns.SheetName(ImportSheet.Members)]]);
            }

            if (household.Problems.Any)
            {
                household.Outcome = HouseholdOutcome.Refused;
                foreach (var member in household.Members.Where(m => !m.Problems.Any))
                {
                    member.Problems.Add(ImportColumns.HolderIdentityNumber, l["The file of this holder is refused (row {0} of the sheet \"{1}\").",
                        household.Row.Number, l[ImportColumns.SheetName(ImportSheet.Files)]]);
                }

                foreach (var aid in household.Aid.Where(a => !a.Problems.Any))
                {
                    aid.Problems.Add(ImportColumns.HolderIdentityNumber, l["The file of this holder is refused (row {0} of the sheet \"{1}\").",
                        household.Row.Number, l[ImportColumns.SheetName(ImportSheet.Files)]]);
                }

                tally.FilesRefused++;
                Note(tally, ImportSheet.Files, household.Row, household.Problems, tally.FilesMap!);
            }
            else if (existing is not null)
            {
                household.Outcome = HouseholdOutcome.Existing;
                tally.FilesExisting++;
            }
            else
            {
                household.Outcome = HouseholdOutcome.New;
                tally.FilesValid++;
            }
        }

        var pending = chunk.Where(h => h.Row.Number > afterRow).ToList();
        if (pending.Count > 0)
        {
            await sink.AcceptAsync(pending, ct);
        }
    }

    private static void Note(ImportTally tally, ImportSheet sheet, SheetRow row, RowProblems problems, HeaderMap map)
    {
        foreach (var (column, message) in problems.ByColumn)
        {
            if (tally.FirstProblems.Count >= MaxFirstProblems)
            {
                return;
            }

            tally.FirstProblems.Add(new ImportProblem(sheet, row.Number, column, map.Cell(row, column), message));
        }
    }

    /// <summary>The desk validator's property path → (member index, template column key).</summary>
    private static (int? Member, string Column) ColumnOf(string propertyName)
    {
        if (propertyName.StartsWith("Members[", StringComparison.Ordinal))
        {
            var close = propertyName.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(propertyName[8..close], System.Globalization.CultureInfo.InvariantCulture);
            var field = propertyName[(close + 1)..].TrimStart('.');
            return (index, field switch
            {
                nameof(MemberForm.Name) => ImportColumns.Name,
                nameof(MemberForm.Relation) => ImportColumns.Relation,
                nameof(MemberForm.IdentityNumber) => ImportColumns.IdentityNumber,
                nameof(MemberForm.IdentityType) => ImportColumns.IdentityType,
                nameof(MemberForm.BirthDate) => ImportColumns.BirthDate,
                nameof(MemberForm.MonthlyIncome) => ImportColumns.MonthlyIncome,
                _ => ImportColumns.Name,
            });
        }

        if (propertyName.StartsWith("Incomes[", StringComparison.Ordinal))
        {
            var close = propertyName.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(propertyName[8..close], System.Globalization.CultureInfo.InvariantCulture);
            var kinds = Enum.GetValues<IncomeKind>();
            return (null, ImportColumns.IncomeKey(kinds[Math.Clamp(index, 0, kinds.Length - 1)]));
        }

        return (null, propertyName switch
        {
            nameof(BeneficiaryForm.Members) => ImportColumns.IdentityNumber,
            nameof(BeneficiaryForm.Incomes) => ImportColumns.IncomeKey(IncomeKind.Salary),
            _ => propertyName,
        });
    }
}
