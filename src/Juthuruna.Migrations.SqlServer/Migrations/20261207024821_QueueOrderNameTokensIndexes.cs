using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NameTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Token = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
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
                UPDATE [SupportRequests] SET [QueueOrder] = CASE
                    WHEN [State] IN (3, 4, 5) AND [DecisionDueOn] IS NOT NULL THEN [DecisionDueOn]
                    WHEN [State] IN (0, 1, 2, 3, 4, 5, 6, 8, 9) THEN CAST('9999-12-31' AS date)
                    ELSE NULL END;
                """);

            // Existing files get their name tokens: each space-separated token of the holder's and every member's
            // search key, once per person.
            migrationBuilder.Sql("""
                INSERT INTO [NameTokens] ([Id], [TenantId], [BeneficiaryId], [MemberId], [Token])
                SELECT NEWID(), t.[TenantId], t.[BeneficiaryId], t.[MemberId], t.[Token]
                FROM (
                    SELECT b.[TenantId], b.[Id] AS [BeneficiaryId], CAST(NULL AS uniqueidentifier) AS [MemberId], LEFT(s.[value], 100) AS [Token]
                    FROM [Beneficiaries] AS b CROSS APPLY STRING_SPLIT(b.[SearchKey], ' ') AS s
                    WHERE s.[value] <> ''
                    UNION
                    SELECT b.[TenantId], b.[Id], m.[Id], LEFT(s.[value], 100)
                    FROM [BeneficiaryHouseholdMembers] AS m
                    JOIN [Beneficiaries] AS b ON b.[Id] = m.[BeneficiaryId]
                    CROSS APPLY STRING_SPLIT(m.[SearchKey], ' ') AS s
                    WHERE s.[value] <> ''
                ) AS t;
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
