using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Beneficiaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Beneficiaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdentityType = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentityNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FatherName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    GrandfatherName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Nationality = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MaritalStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AddressBuildingNumber = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    AddressStreet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AddressDistrict = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AddressCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AddressPostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    AddressAdditionalNumber = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    EmploymentStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    HousingType = table.Column<int>(type: "INTEGER", nullable: false),
                    HealthNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beneficiaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenantCounters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BeneficiaryHouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentityType = table.Column<int>(type: "INTEGER", nullable: true),
                    IdentityNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MonthlyIncomeHalalas = table.Column<long>(type: "INTEGER", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BeneficiaryHouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BeneficiaryHouseholdMembers_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BeneficiaryIncomeSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyHalalas = table.Column<long>(type: "INTEGER", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BeneficiaryIncomeSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BeneficiaryIncomeSources_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId",
                table: "Beneficiaries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_BirthDate",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_FileNumber",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "FileNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_IdentityNumber",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "IdentityNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_Mobile",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "Mobile" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_SearchKey",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_BeneficiaryHouseholdMembers_BeneficiaryId",
                table: "BeneficiaryHouseholdMembers",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_BeneficiaryIncomeSources_BeneficiaryId",
                table: "BeneficiaryIncomeSources",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantCounters_TenantId",
                table: "TenantCounters",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantCounters_TenantId_Name",
                table: "TenantCounters",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BeneficiaryHouseholdMembers");

            migrationBuilder.DropTable(
                name: "BeneficiaryIncomeSources");

            migrationBuilder.DropTable(
                name: "TenantCounters");

            migrationBuilder.DropTable(
                name: "Beneficiaries");
        }
    }
}
