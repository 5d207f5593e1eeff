using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PortalThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackAttempts");

            migrationBuilder.DropTable(
                name: "PortalApplicationAttempts");

            migrationBuilder.DropTable(
                name: "PortalLookups");

            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "PortalChallenges");

            migrationBuilder.CreateTable(
                name: "PortalAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Purpose = table.Column<int>(type: "int", nullable: false),
                    ClientKey = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SubjectKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAttempts_TenantId",
                table: "PortalAttempts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAttempts_TenantId_AtUtc",
                table: "PortalAttempts",
                columns: new[] { "TenantId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAttempts_TenantId_Purpose_ClientKey_AtUtc",
                table: "PortalAttempts",
                columns: new[] { "TenantId", "Purpose", "ClientKey", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAttempts_TenantId_Purpose_SubjectKey_AtUtc",
                table: "PortalAttempts",
                columns: new[] { "TenantId", "Purpose", "SubjectKey", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalAttempts");

            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "PortalChallenges",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClientKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "int", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalApplicationAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Client = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalApplicationAttempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalLookups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClientIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Matched = table.Column<bool>(type: "bit", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalLookups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAttempts_TenantId",
                table: "FeedbackAttempts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAttempts_TenantId_Purpose_ClientKey_AtUtc",
                table: "FeedbackAttempts",
                columns: new[] { "TenantId", "Purpose", "ClientKey", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalApplicationAttempts_TenantId",
                table: "PortalApplicationAttempts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalApplicationAttempts_TenantId_Client_AtUtc",
                table: "PortalApplicationAttempts",
                columns: new[] { "TenantId", "Client", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalLookups_TenantId",
                table: "PortalLookups",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalLookups_TenantId_ClientIp_AtUtc",
                table: "PortalLookups",
                columns: new[] { "TenantId", "ClientIp", "AtUtc" });
        }
    }
}
