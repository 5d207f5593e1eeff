using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
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
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Hand-written backfill (re-apply after regenerating): existing tokens get their file's number, before the index is built.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.NameTokenFileNumbers.SqlServer);

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId_MemberId_Token",
                table: "NameTokens",
                columns: new[] { "TenantId", "BeneficiaryId", "MemberId", "Token" });

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_Token_FileNumber_BeneficiaryId_MemberId",
                table: "NameTokens",
                columns: new[] { "TenantId", "Token", "FileNumber", "BeneficiaryId", "MemberId" },
                descending: new[] { false, false, true, false, false });
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
