using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RequestsListOpenedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Opened",
                table: "SupportRequests",
                columns: new[] { "TenantId", "CreatedAtUtc", "Id" });

            // The planner needs the new index's statistics to prefer it for the list of every state (issue 13's rule).
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_SupportRequests_Opened"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_Opened",
                table: "SupportRequests");
        }
    }
}
