namespace Juthuruna.Data.Backfills;

/// <summary>
/// Hand-written SQL of migration <c>NameTokenFileNumber</c> (issue 13): every existing name token gets its file's number
/// (<see cref="Features.Beneficiaries.NameToken.FileNumber"/>, the search's order within a token). Kept here so the
/// migration can be regenerated and this re-applied: run after the column is added, before its index is created.
/// </summary>
public static class NameTokenFileNumbers
{
    public const string Sqlite = """
        UPDATE "NameTokens" SET "FileNumber" = (SELECT b."FileNumber" FROM "Beneficiaries" AS b WHERE b."Id" = "NameTokens"."BeneficiaryId");
        """;

    public const string SqlServer = """
        UPDATE t SET t.[FileNumber] = b.[FileNumber]
        FROM [NameTokens] AS t JOIN [Beneficiaries] AS b ON b.[Id] = t.[BeneficiaryId];
        """;
}
