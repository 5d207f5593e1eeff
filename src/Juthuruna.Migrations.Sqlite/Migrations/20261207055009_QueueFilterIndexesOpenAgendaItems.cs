using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueueFilterIndexesOpenAgendaItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_QueueOrder_CreatedAtUtc",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests",
                columns: new[] { "TenantId", "State", "UpdatedAtUtc" },
                filter: "[QueueOrder] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Queue",
                table: "SupportRequests",
                columns: new[] { "TenantId", "QueueOrder", "CreatedAtUtc", "State", "ServiceId", "Channel", "BranchId" },
                filter: "[QueueOrder] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_QueueByState",
                table: "SupportRequests",
                columns: new[] { "TenantId", "State", "QueueOrder", "CreatedAtUtc", "Id" },
                filter: "[QueueOrder] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_Open",
                table: "AgendaItems",
                columns: new[] { "TenantId", "SessionId", "Status" },
                filter: "[Status] = 0");

            // Hand-written (re-apply after regenerating): statistics for the new indexes, so the planner does not prefer them blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_SupportRequests_Finished", "IX_SupportRequests_Queue", "IX_SupportRequests_QueueByState", "IX_AgendaItems_Open"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Finished",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Queue",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_QueueByState",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_Open",
                table: "AgendaItems");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_QueueOrder_CreatedAtUtc",
                table: "SupportRequests",
                columns: new[] { "TenantId", "QueueOrder", "CreatedAtUtc" },
                filter: "[QueueOrder] IS NOT NULL");
        }
    }
}
