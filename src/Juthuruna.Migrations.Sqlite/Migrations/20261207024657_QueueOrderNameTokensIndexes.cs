using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QueueOrderNameTokensIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_DecidedOn",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId_Replaces",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId_SubjectId",
                table: "Letters");

            migrationBuilder.AddColumn<DateOnly>(
                name: "QueueOrder",
                table: "SupportRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NameTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NameTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NameTokens_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_DecidedOn_DecisionDueOn",
                table: "SupportRequests",
                columns: new[] { "TenantId", "DecidedOn", "DecisionDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_QueueOrder_CreatedAtUtc",
                table: "SupportRequests",
                columns: new[] { "TenantId", "QueueOrder", "CreatedAtUtc" },
                filter: "[QueueOrder] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Unread",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientUserId" },
                filter: "[ReadAtUtc] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId_Replaces",
                table: "Letters",
                columns: new[] { "TenantId", "Replaces" },
                filter: "[Replaces] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId_SubjectId_HijriYear_Sequence",
                table: "Letters",
                columns: new[] { "TenantId", "SubjectId", "HijriYear", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_BeneficiaryId",
                table: "NameTokens",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId",
                table: "NameTokens",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_BeneficiaryId",
                table: "NameTokens",
                columns: new[] { "TenantId", "BeneficiaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId_Token_BeneficiaryId_MemberId",
                table: "NameTokens",
                columns: new[] { "TenantId", "Token", "BeneficiaryId", "MemberId" });

            // Existing requests get their queue order (SupportRequest.QueueOrder): the due date while the decision is
            // awaited (Verified, UnderResearch, AwaitingCommittee), 9999-12-31 for the other open states, null once out.
            migrationBuilder.Sql("""
                UPDATE "SupportRequests" SET "QueueOrder" = CASE
                    WHEN "State" IN (3, 4, 5) AND "DecisionDueOn" IS NOT NULL THEN "DecisionDueOn"
                    WHEN "State" IN (0, 1, 2, 3, 4, 5, 6, 8, 9) THEN '9999-12-31'
                    ELSE NULL END;
                """);

            // Existing files get their name tokens: each space-separated token of the holder's and every member's
            // search key, once per person, with ids in EF's text form of a GUID (upper case, dashed).
            migrationBuilder.Sql("""
                WITH RECURSIVE "split"("TenantId", "BeneficiaryId", "MemberId", "Token", "Rest") AS (
                    SELECT "TenantId", "Id", NULL, '', "SearchKey" || ' ' FROM "Beneficiaries"
                    UNION ALL
                    SELECT b."TenantId", b."Id", m."Id", '', m."SearchKey" || ' '
                    FROM "BeneficiaryHouseholdMembers" AS m JOIN "Beneficiaries" AS b ON b."Id" = m."BeneficiaryId"
                    UNION ALL
                    SELECT "TenantId", "BeneficiaryId", "MemberId", substr("Rest", 1, instr("Rest", ' ') - 1), substr("Rest", instr("Rest", ' ') + 1)
                    FROM "split" WHERE "Rest" <> ''
                ),
                "tokens" AS (
                    SELECT DISTINCT "TenantId", "BeneficiaryId", "MemberId", substr("Token", 1, 100) AS "Token" FROM "split" WHERE "Token" <> ''
                ),
                "keyed" AS (SELECT *, hex(randomblob(16)) AS "h" FROM "tokens")
                INSERT INTO "NameTokens" ("Id", "TenantId", "BeneficiaryId", "MemberId", "Token")
                SELECT substr("h", 1, 8) || '-' || substr("h", 9, 4) || '-' || substr("h", 13, 4) || '-' || substr("h", 17, 4) || '-' || substr("h", 21, 12),
                       "TenantId", "BeneficiaryId", "MemberId", "Token"
                FROM "keyed";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NameTokens");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_DecidedOn_DecisionDueOn",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId_QueueOrder_CreatedAtUtc",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_Unread",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId_Replaces",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId_SubjectId_HijriYear_Sequence",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "QueueOrder",
                table: "SupportRequests");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId_DecidedOn",
                table: "SupportRequests",
                columns: new[] { "TenantId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId_Replaces",
                table: "Letters",
                columns: new[] { "TenantId", "Replaces" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId_SubjectId",
                table: "Letters",
                columns: new[] { "TenantId", "SubjectId" });
        }
    }
}
