using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MergedBranchesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PastAid_TenantId",
                table: "PastAid");

            migrationBuilder.DropIndex(
                name: "IX_ImportMappings_TenantId",
                table: "ImportMappings");

            migrationBuilder.DropIndex(
                name: "IX_ImportJobs_TenantId",
                table: "ImportJobs");

            migrationBuilder.DropIndex(
                name: "IX_ImportedRecords_TenantId",
                table: "ImportedRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PastAid_TenantId",
                table: "PastAid",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_TenantId",
                table: "ImportMappings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TenantId",
                table: "ImportJobs",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_TenantId",
                table: "ImportedRecords",
                column: "TenantId");
        }
    }
}
