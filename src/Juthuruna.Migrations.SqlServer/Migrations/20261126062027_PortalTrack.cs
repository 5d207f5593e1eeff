using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PortalTrack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortalChallenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CodeHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Salt = table.Column<string>(type: "nchar(32)", fixedLength: true, maxLength: 32, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClientIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalLookups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ClientIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Matched = table.Column<bool>(type: "bit", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalLookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PortalUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DocumentTypeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalUploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_TenantId",
                table: "PortalChallenges",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_TenantId_RequestId_CreatedAtUtc",
                table: "PortalChallenges",
                columns: new[] { "TenantId", "RequestId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalLookups_TenantId",
                table: "PortalLookups",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalLookups_TenantId_ClientIp_AtUtc",
                table: "PortalLookups",
                columns: new[] { "TenantId", "ClientIp", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalUploads_TenantId",
                table: "PortalUploads",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalUploads_TenantId_IdempotencyKey",
                table: "PortalUploads",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalUploads_TenantId_RequestId",
                table: "PortalUploads",
                columns: new[] { "TenantId", "RequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalChallenges");

            migrationBuilder.DropTable(
                name: "PortalLookups");

            migrationBuilder.DropTable(
                name: "PortalUploads");
        }
    }
}
