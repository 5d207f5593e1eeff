using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NameTokenFileNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId",
                table: "NameTokens");

            migrationBuilder.DropIndex(
                name: "IX_NameTokens_TenantId_Token_BeneficiaryId_MemberId",
                table: "NameTokens");

            migrationBuilder.AddColumn<string>(
                name: "FileNumber",
                table: "NameTokens",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Hand-written backfill (re-apply after regenerating): existing tokens get their file's number, before the index is built.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.NameTokenFileNumbers.Sqlite);

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId_MemberId_Token",
                table: "NameTokens",
                columns: new[] { "TenantId", "BeneficiaryId", "MemberId", "Token" });

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_Token_FileNumber_BeneficiaryId_MemberId",
                table: "NameTokens",
                columns: new[] { "TenantId", "Token", "FileNumber", "BeneficiaryId", "MemberId" },
                descending: new[] { false, false, true, false, false });

            // Hand-written (re-apply after regenerating): statistics for the new index, so the planner does not prefer it blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_NameTokens_TenantId_BeneficiaryId_MemberId_Token", "IX_NameTokens_TenantId_Token_FileNumber_BeneficiaryId_MemberId"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId_MemberId_Token",
                table: "NameTokens");

            migrationBuilder.DropIndex(
                name: "IX_NameTokens_TenantId_Token_FileNumber_BeneficiaryId_MemberId",
                table: "NameTokens");

            migrationBuilder.DropColumn(
                name: "FileNumber",
                table: "NameTokens");

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId",
                table: "NameTokens",
                columns: new[] { "TenantId", "BeneficiaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_Token_BeneficiaryId_MemberId",
                table: "NameTokens",
                columns: new[] { "TenantId", "Token", "BeneficiaryId", "MemberId" });
        }
    }
}
