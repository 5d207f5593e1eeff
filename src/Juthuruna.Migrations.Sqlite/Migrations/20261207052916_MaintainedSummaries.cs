using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MaintainedSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DecisionDays",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decided = table.Column<int>(type: "INTEGER", nullable: false),
                    WithinWindow = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionDays", x => new { x.TenantId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "RequestStateCounts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestStateCounts", x => new { x.TenantId, x.State });
                });

            migrationBuilder.CreateTable(
                name: "SurveyTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    OverallSum = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtesySum = table.Column<int>(type: "INTEGER", nullable: false),
                    SpeedSum = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaritySum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTallies", x => new { x.TenantId, x.Month, x.ServiceId, x.Channel, x.BranchId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_Commented",
                table: "SurveyResponses",
                columns: new[] { "TenantId", "AnsweredMonth", "Id" },
                filter: "[Comment] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionDays_TenantId",
                table: "DecisionDays",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestStateCounts_TenantId",
                table: "RequestStateCounts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTallies_TenantId",
                table: "SurveyTallies",
                column: "TenantId");

            // Hand-written, re-apply after regenerating this migration: fill the summaries from the existing
            // requests and answers (the same SQL on both providers; Juthuruna.Data.TallyBackfill, ADR 0015).
            foreach (var statement in Juthuruna.Data.TallyBackfill.Rebuild)
            {
                migrationBuilder.Sql(statement);
            }

            // Hand-written (re-apply after regenerating): statistics for the new indexes, so the planner does not prefer them blindly.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_SurveyResponses_Commented", "IX_DecisionDays_TenantId", "IX_RequestStateCounts_TenantId", "IX_SurveyTallies_TenantId"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionDays");

            migrationBuilder.DropTable(
                name: "RequestStateCounts");

            migrationBuilder.DropTable(
                name: "SurveyTallies");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_Commented",
                table: "SurveyResponses");
        }
    }
}
