using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationInboxOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc_Id",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientUserId", "CreatedAtUtc", "Id" });

            // Hand-written (re-apply after regenerating): statistics for the new index, so the planner does not prefer it blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc_Id"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc_Id",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientUserId", "CreatedAtUtc" });
        }
    }
}
