using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalApply : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Settings_PolicyVersion",
                table: "Tenants");

            migrationBuilder.AddColumn<bool>(
                name: "OpenedOnWebsite",
                table: "Beneficiaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PortalApplicationAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalApplicationAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortalApplicationAttempts_TenantId",
                table: "PortalApplicationAttempts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalApplicationAttempts_TenantId_Client_AtUtc",
                table: "PortalApplicationAttempts",
                columns: new[] { "TenantId", "Client", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortalApplicationAttempts");

            migrationBuilder.DropColumn(
                name: "OpenedOnWebsite",
                table: "Beneficiaries");

            migrationBuilder.AddColumn<string>(
                name: "Settings_PolicyVersion",
                table: "Tenants",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");
        }
    }
}
