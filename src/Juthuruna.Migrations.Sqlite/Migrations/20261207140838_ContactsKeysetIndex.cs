using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactsKeysetIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OccurredAtUtc",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OccurredAtUtc_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "OccurredAtUtc", "Id" });

            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite("IX_Contacts_TenantId_OccurredAtUtc_Id"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OccurredAtUtc_Id",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OccurredAtUtc",
                table: "Contacts",
                columns: new[] { "TenantId", "OccurredAtUtc" });
        }
    }
}
