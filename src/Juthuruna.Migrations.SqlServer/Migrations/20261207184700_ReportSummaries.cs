using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    BranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Contacts = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactTallies", x => new { x.TenantId, x.Day, x.Channel, x.BranchId });
                });

            migrationBuilder.CreateTable(
                name: "DecisionTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DaysToDecide = table.Column<int>(type: "int", nullable: false),
                    Approved = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    WithinWindow = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionTallies", x => new { x.TenantId, x.Day, x.ServiceId, x.BranchId, x.DaysToDecide });
                });

            migrationBuilder.CreateTable(
                name: "RequestTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    Received = table.Column<int>(type: "int", nullable: false),
                    Deferred = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestTallies", x => new { x.TenantId, x.Day, x.ServiceId, x.BranchId, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "ServiceTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Registrations = table.Column<int>(type: "int", nullable: false),
                    ApprovedHalalas = table.Column<long>(type: "bigint", nullable: false),
                    Deliveries = table.Column<int>(type: "int", nullable: false),
                    InKind = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    DisbursedHalalas = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceTallies", x => new { x.TenantId, x.Day, x.ServiceId, x.BranchId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_TenantId_DeliveredOn_RequestId",
                table: "ServiceDeliveries",
                columns: new[] { "TenantId", "DeliveredOn", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactTallies_TenantId",
                table: "ContactTallies",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionTallies_TenantId",
                table: "DecisionTallies",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestTallies_TenantId",
                table: "RequestTallies",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTallies_TenantId",
                table: "ServiceTallies",
                column: "TenantId");

            // ADR 0022: fill the report's summaries from the rows already there, and give existing associations the board member role.
            foreach (var statement in Juthuruna.Data.ReportTallyBackfill.Rebuild(sqlite: false))
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.Sql(Juthuruna.Data.BoardMemberRoleBackfill.Sql(sqlite: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactTallies");

            migrationBuilder.DropTable(
                name: "DecisionTallies");

            migrationBuilder.DropTable(
                name: "RequestTallies");

            migrationBuilder.DropTable(
                name: "ServiceTallies");

            migrationBuilder.DropIndex(
                name: "IX_ServiceDeliveries_TenantId_DeliveredOn_RequestId",
                table: "ServiceDeliveries");
        }
    }
}
