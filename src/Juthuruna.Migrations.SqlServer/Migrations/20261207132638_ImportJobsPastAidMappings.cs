using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UploadKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    RefusedKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FilesValid = table.Column<int>(type: "int", nullable: false),
                    FilesExisting = table.Column<int>(type: "int", nullable: false),
                    FilesRefused = table.Column<int>(type: "int", nullable: false),
                    MembersValid = table.Column<int>(type: "int", nullable: false),
                    MembersRefused = table.Column<int>(type: "int", nullable: false),
                    AidValid = table.Column<int>(type: "int", nullable: false),
                    AidRefused = table.Column<int>(type: "int", nullable: false),
                    FirstProblems = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdateExisting = table.Column<bool>(type: "bit", nullable: false),
                    AllOrNothing = table.Column<bool>(type: "bit", nullable: false),
                    ProcessedRows = table.Column<int>(type: "int", nullable: false),
                    FilesCreated = table.Column<int>(type: "int", nullable: false),
                    FilesUpdated = table.Column<int>(type: "int", nullable: false),
                    Batches = table.Column<int>(type: "int", nullable: false),
                    CancelRequested = table.Column<bool>(type: "bit", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sheet = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Columns = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImportJobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Created = table.Column<bool>(type: "bit", nullable: false),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AmountHalalas = table.Column<long>(type: "bigint", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ImportJobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
