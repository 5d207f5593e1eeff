using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FinishedIndexInListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests",
                columns: new[] { "TenantId", "State", "UpdatedAtUtc", "Id" },
                filter: "[QueueOrder] IS NULL");

            // Hand-written (re-apply after regenerating): statistics for the new index, so the planner does not prefer it blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_SupportRequests_Finished"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests",
                columns: new[] { "TenantId", "State", "UpdatedAtUtc" },
                filter: "[QueueOrder] IS NULL");
        }
    }
}
