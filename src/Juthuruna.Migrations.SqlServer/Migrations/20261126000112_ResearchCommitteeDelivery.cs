using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResearchCommitteeDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Settings_CommitteeQuorum",
                table: "Tenants",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Settings_PolicyVersion",
                table: "Tenants",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "SupportRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResearcherId",
                table: "SupportRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeneficiaryNumber",
                table: "Beneficiaries",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<int>(type: "int", nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HijriYear = table.Column<int>(type: "int", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DedupKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BeneficiaryNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    EligibleFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EligibleTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedServiceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ApprovedAmountHalalas = table.Column<long>(type: "bigint", nullable: true),
                    RegisteredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResearchReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResearcherId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitType = table.Column<int>(type: "int", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HouseholdSituation = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Needs = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<int>(type: "int", nullable: false),
                    RecommendedServiceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecommendedAmountHalalas = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchReports_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: true),
                    AmountHalalas = table.Column<long>(type: "bigint", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeliveredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReceiptKind = table.Column<int>(type: "int", nullable: false),
                    ReceiptFileId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReceiptNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceDeliveries_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    Reasons = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ApprovedServiceIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ApprovedAmountHalalas = table.Column<long>(type: "bigint", nullable: true),
                    PolicyVersions = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    VotesApprove = table.Column<int>(type: "int", nullable: false),
                    VotesReject = table.Column<int>(type: "int", nullable: false),
                    Abstentions = table.Column<int>(type: "int", nullable: false),
                    Recusals = table.Column<int>(type: "int", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_CommitteeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommitteeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_SupportRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionAttendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionAttendees_CommitteeSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CommitteeSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Choice = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CastAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeVotes_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId_BeneficiaryNumber",
                table: "Beneficiaries",
                columns: new[] { "TenantId", "BeneficiaryNumber" },
                unique: true,
                filter: "[BeneficiaryNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_RequestId",
                table: "AgendaItems",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId",
                table: "AgendaItems",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_TenantId",
                table: "AgendaItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_TenantId_RequestId_Status",
                table: "AgendaItems",
                columns: new[] { "TenantId", "RequestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_TenantId_SessionId_RequestId",
                table: "AgendaItems",
                columns: new[] { "TenantId", "SessionId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_TenantId",
                table: "CommitteeMembers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_TenantId_UserId_ActiveFrom",
                table: "CommitteeMembers",
                columns: new[] { "TenantId", "UserId", "ActiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSessions_TenantId",
                table: "CommitteeSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSessions_TenantId_HeldOn",
                table: "CommitteeSessions",
                columns: new[] { "TenantId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSessions_TenantId_Number",
                table: "CommitteeSessions",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeVotes_AgendaItemId",
                table: "CommitteeVotes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeVotes_TenantId",
                table: "CommitteeVotes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeVotes_TenantId_AgendaItemId_UserId",
                table: "CommitteeVotes",
                columns: new[] { "TenantId", "AgendaItemId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId",
                table: "Notifications",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_DedupKey",
                table: "Notifications",
                columns: new[] { "TenantId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_RecipientUserId_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientUserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_Status_CreatedAtUtc",
                table: "Notifications",
                columns: new[] { "TenantId", "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_RequestId",
                table: "Registrations",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_TenantId",
                table: "Registrations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_TenantId_BeneficiaryId",
                table: "Registrations",
                columns: new[] { "TenantId", "BeneficiaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_TenantId_RequestId",
                table: "Registrations",
                columns: new[] { "TenantId", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_RequestId",
                table: "ResearchReports",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_TenantId",
                table: "ResearchReports",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_TenantId_RequestId_CreatedAtUtc",
                table: "ResearchReports",
                columns: new[] { "TenantId", "RequestId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_RequestId",
                table: "ServiceDeliveries",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_TenantId",
                table: "ServiceDeliveries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_TenantId_IdempotencyKey",
                table: "ServiceDeliveries",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_TenantId_RequestId_DeliveredOn",
                table: "ServiceDeliveries",
                columns: new[] { "TenantId", "RequestId", "DeliveredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendees_SessionId",
                table: "SessionAttendees",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendees_TenantId",
                table: "SessionAttendees",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendees_TenantId_SessionId_UserId",
                table: "SessionAttendees",
                columns: new[] { "TenantId", "SessionId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeMembers");

            migrationBuilder.DropTable(
                name: "CommitteeVotes");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ResearchReports");

            migrationBuilder.DropTable(
                name: "ServiceDeliveries");

            migrationBuilder.DropTable(
                name: "SessionAttendees");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "CommitteeSessions");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_TenantId_BeneficiaryNumber",
                table: "Beneficiaries");

            migrationBuilder.DropColumn(
                name: "Settings_CommitteeQuorum",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "Settings_PolicyVersion",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "ResearcherId",
                table: "SupportRequests");

            migrationBuilder.DropColumn(
                name: "BeneficiaryNumber",
                table: "Beneficiaries");
        }
    }
}
