using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobsPastAidMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RefusedKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FilesValid = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesExisting = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesRefused = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersValid = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersRefused = table.Column<int>(type: "INTEGER", nullable: false),
                    AidValid = table.Column<int>(type: "INTEGER", nullable: false),
                    AidRefused = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstProblems = table.Column<string>(type: "TEXT", nullable: false),
                    UpdateExisting = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllOrNothing = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    FilesUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    Batches = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportJobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Created = table.Column<bool>(type: "INTEGER", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedRecords_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImportedRecords_ImportJobs_ImportJobId",
                        column: x => x.ImportJobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PastAid",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountHalalas = table.Column<long>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ImportJobId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PastAid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PastAid_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PastAid_ImportJobs_ImportJobId",
                        column: x => x.ImportJobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_BeneficiaryId",
                table: "ImportedRecords",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_ImportJobId",
                table: "ImportedRecords",
                column: "ImportJobId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_TenantId",
                table: "ImportedRecords",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRecords_TenantId_ImportJobId_BeneficiaryId",
                table: "ImportedRecords",
                columns: new[] { "TenantId", "ImportJobId", "BeneficiaryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TenantId",
                table: "ImportJobs",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_TenantId_CreatedAtUtc",
                table: "ImportJobs",
                columns: new[] { "TenantId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_TenantId",
                table: "ImportMappings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportMappings_TenantId_Sheet",
                table: "ImportMappings",
                columns: new[] { "TenantId", "Sheet" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PastAid_BeneficiaryId",
                table: "PastAid",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_PastAid_ImportJobId",
                table: "PastAid",
                column: "ImportJobId");

            migrationBuilder.CreateIndex(
                name: "IX_PastAid_TenantId",
                table: "PastAid",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PastAid_TenantId_BeneficiaryId_Date",
                table: "PastAid",
                columns: new[] { "TenantId", "BeneficiaryId", "Date" });

            // New indexes get statistics, so the planner does not take an empty table's index as very selective.
            migrationBuilder.Sql(Juthuruna.Data.Backfills.IndexStatistics.Sqlite(
                "IX_ImportJobs_TenantId_CreatedAtUtc", "IX_ImportedRecords_TenantId_ImportJobId_BeneficiaryId", "IX_ImportMappings_TenantId_Sheet",
                "IX_PastAid_TenantId_BeneficiaryId_Date"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedRecords");

            migrationBuilder.DropTable(
                name: "ImportMappings");

            migrationBuilder.DropTable(
                name: "PastAid");

            migrationBuilder.DropTable(
                name: "ImportJobs");
        }
    }
}
