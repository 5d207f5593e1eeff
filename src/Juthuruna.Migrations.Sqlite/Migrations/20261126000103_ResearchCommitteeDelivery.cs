using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Settings_PolicyVersion",
                table: "Tenants",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "SupportRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResearcherId",
                table: "SupportRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeneficiaryNumber",
                table: "Beneficiaries",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HijriYear = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    EligibleFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EligibleTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedAmountHalalas = table.Column<long>(type: "INTEGER", nullable: true),
                    RegisteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResearcherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitType = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HouseholdSituation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendedServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecommendedAmountHalalas = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    AmountHalalas = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeliveredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceiptFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ApprovedServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedAmountHalalas = table.Column<long>(type: "INTEGER", nullable: true),
                    PolicyVersions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VotesApprove = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesReject = table.Column<int>(type: "INTEGER", nullable: false),
                    Abstentions = table.Column<int>(type: "INTEGER", nullable: false),
                    Recusals = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CastAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                unique: true);

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
