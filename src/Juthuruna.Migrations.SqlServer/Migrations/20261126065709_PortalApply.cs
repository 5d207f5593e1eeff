using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "PolicyVersions",
                table: "AgendaItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "PortalApplicationAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Client = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "PolicyVersions",
                table: "AgendaItems",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldNullable: true);
        }
    }
}
