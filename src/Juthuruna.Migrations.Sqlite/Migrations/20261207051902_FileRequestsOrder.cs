using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FileRequestsOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_BeneficiaryId",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_BeneficiaryId_CreatedAtUtc",
                table: "SupportRequests",
                columns: new[] { "TenantId", "BeneficiaryId", "CreatedAtUtc" });

            // Hand-written (re-apply after regenerating): statistics for the new index, so the planner does not prefer it blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_SupportRequests_TenantId_BeneficiaryId_CreatedAtUtc"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_BeneficiaryId_CreatedAtUtc",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_BeneficiaryId",
                table: "SupportRequests",
                columns: new[] { "TenantId", "BeneficiaryId" });
        }
    }
}
