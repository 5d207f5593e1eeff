using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdMemberSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "BeneficiaryHouseholdMembers",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_BeneficiaryHouseholdMembers_IdentityNumber",
                table: "BeneficiaryHouseholdMembers",
                column: "IdentityNumber");

            migrationBuilder.Sql($"UPDATE BeneficiaryHouseholdMembers SET SearchKey = {Joined(Normalised("Name"))};");
            migrationBuilder.Sql($"UPDATE Beneficiaries SET SearchKey = {Joined("SearchKey")};");
        }

        // Search keys as ArabicSearch.Key now writes them, for rows saved before: compounds joined (عبد/ابو/بن/ابن/ال +
        // the next word) and, for household members, a first key from the name (alef forms, ta marbuta, alef maqsura,
        // tatweel, case). Rows saved from now on get the exact key from the application.
        private static string Joined(string expression)
        {
            // A binary collation: the column's may ignore some Arabic characters (tatweel), which REPLACE then mishandles.
            var sql = "(N' ' + " + expression + " + N' ') COLLATE Latin1_General_BIN2";
            foreach (var (from, to) in new[] { (" عبد ", " عبد"), (" ابو ", " ابو"), (" ابن ", " بن"), (" بن ", " بن"), (" ال ", " ال") })
            {
                sql = $"REPLACE({sql}, N'{from}', N'{to}')";
            }

            return $"LTRIM(RTRIM({sql}))";
        }

        private static string Normalised(string expression)
        {
            var sql = $"LOWER({expression}) COLLATE Latin1_General_BIN2";
            foreach (var (from, to) in new[] { ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ـ", "") })
            {
                sql = $"REPLACE({sql}, N'{from}', N'{to}')";
            }

            return sql;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BeneficiaryHouseholdMembers_IdentityNumber",
                table: "BeneficiaryHouseholdMembers");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "BeneficiaryHouseholdMembers");
        }
    }
}
