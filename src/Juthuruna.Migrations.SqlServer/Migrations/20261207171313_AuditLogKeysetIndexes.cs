using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_EntityType_EntityId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_Action_AtUtc_Id",
                table: "AuditEntries",
                columns: new[] { "TenantId", "Action", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_AtUtc_Id",
                table: "AuditEntries",
                columns: new[] { "TenantId", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_EntityType_AtUtc_Id",
                table: "AuditEntries",
                columns: new[] { "TenantId", "EntityType", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_EntityType_EntityId_AtUtc_Id",
                table: "AuditEntries",
                columns: new[] { "TenantId", "EntityType", "EntityId", "AtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_UserId_AtUtc_Id",
                table: "AuditEntries",
                columns: new[] { "TenantId", "UserId", "AtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_Action_AtUtc_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_AtUtc_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_EntityType_AtUtc_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_EntityType_EntityId_AtUtc_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId_UserId_AtUtc_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "TenantId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId_EntityType_EntityId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "TenantId", "EntityType", "EntityId", "AtUtc" });
        }
    }
}
