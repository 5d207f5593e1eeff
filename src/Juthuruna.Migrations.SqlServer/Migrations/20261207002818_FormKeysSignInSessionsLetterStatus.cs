using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FormKeysSignInSessionsLetterStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SpoiledReason",
                table: "Letters",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Letters",
                type: "int",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.CreateTable(
                name: "SignInSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SeenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInSessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_BranchId",
                table: "SupportRequests",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ResearcherId",
                table: "SupportRequests",
                column: "ResearcherId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ServiceId",
                table: "SupportRequests",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendees_UserId",
                table: "SessionAttendees",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_ServiceId",
                table: "ServiceDeliveries",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_ResearcherId",
                table: "ResearchReports",
                column: "ResearcherId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_BeneficiaryId",
                table: "Registrations",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ResearcherId",
                table: "Referrals",
                column: "ResearcherId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalUploads_DocumentTypeId",
                table: "PortalUploads",
                column: "DocumentTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId_Status",
                table: "Letters",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_AssigneeId",
                table: "FeedbackItems",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_BeneficiaryId",
                table: "FeedbackItems",
                column: "BeneficiaryId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecks_DocumentTypeId",
                table: "DocumentChecks",
                column: "DocumentTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_BranchId",
                table: "Contacts",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeVotes_UserId",
                table: "CommitteeVotes",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_TenantId",
                table: "SignInSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_TenantId_SeenAtUtc",
                table: "SignInSessions",
                columns: new[] { "TenantId", "SeenAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_CommitteeMembers_AspNetUsers_UserId",
                table: "CommitteeMembers",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CommitteeVotes_AspNetUsers_UserId",
                table: "CommitteeVotes",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Contacts_Branches_BranchId",
                table: "Contacts",
                column: "BranchId",
                principalTable: "Branches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentChecks_DocumentTypes_DocumentTypeId",
                table: "DocumentChecks",
                column: "DocumentTypeId",
                principalTable: "DocumentTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackItems_AspNetUsers_AssigneeId",
                table: "FeedbackItems",
                column: "AssigneeId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackItems_Beneficiaries_BeneficiaryId",
                table: "FeedbackItems",
                column: "BeneficiaryId",
                principalTable: "Beneficiaries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PortalUploads_DocumentTypes_DocumentTypeId",
                table: "PortalUploads",
                column: "DocumentTypeId",
                principalTable: "DocumentTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_AspNetUsers_ResearcherId",
                table: "Referrals",
                column: "ResearcherId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Registrations_Beneficiaries_BeneficiaryId",
                table: "Registrations",
                column: "BeneficiaryId",
                principalTable: "Beneficiaries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ResearchReports_AspNetUsers_ResearcherId",
                table: "ResearchReports",
                column: "ResearcherId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceDeliveries_SupportServices_ServiceId",
                table: "ServiceDeliveries",
                column: "ServiceId",
                principalTable: "SupportServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SessionAttendees_AspNetUsers_UserId",
                table: "SessionAttendees",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRequests_AspNetUsers_ResearcherId",
                table: "SupportRequests",
                column: "ResearcherId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRequests_Branches_BranchId",
                table: "SupportRequests",
                column: "BranchId",
                principalTable: "Branches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SupportRequests_SupportServices_ServiceId",
                table: "SupportRequests",
                column: "ServiceId",
                principalTable: "SupportServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CommitteeMembers_AspNetUsers_UserId",
                table: "CommitteeMembers");

            migrationBuilder.DropForeignKey(
                name: "FK_CommitteeVotes_AspNetUsers_UserId",
                table: "CommitteeVotes");

            migrationBuilder.DropForeignKey(
                name: "FK_Contacts_Branches_BranchId",
                table: "Contacts");

            migrationBuilder.DropForeignKey(
                name: "FK_DocumentChecks_DocumentTypes_DocumentTypeId",
                table: "DocumentChecks");

            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackItems_AspNetUsers_AssigneeId",
                table: "FeedbackItems");

            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackItems_Beneficiaries_BeneficiaryId",
                table: "FeedbackItems");

            migrationBuilder.DropForeignKey(
                name: "FK_PortalUploads_DocumentTypes_DocumentTypeId",
                table: "PortalUploads");

            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_AspNetUsers_ResearcherId",
                table: "Referrals");

            migrationBuilder.DropForeignKey(
                name: "FK_Registrations_Beneficiaries_BeneficiaryId",
                table: "Registrations");

            migrationBuilder.DropForeignKey(
                name: "FK_ResearchReports_AspNetUsers_ResearcherId",
                table: "ResearchReports");

            migrationBuilder.DropForeignKey(
                name: "FK_ServiceDeliveries_SupportServices_ServiceId",
                table: "ServiceDeliveries");

            migrationBuilder.DropForeignKey(
                name: "FK_SessionAttendees_AspNetUsers_UserId",
                table: "SessionAttendees");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportRequests_AspNetUsers_ResearcherId",
                table: "SupportRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportRequests_Branches_BranchId",
                table: "SupportRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_SupportRequests_SupportServices_ServiceId",
                table: "SupportRequests");

            migrationBuilder.DropTable(
                name: "SignInSessions");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_BranchId",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_ResearcherId",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_ServiceId",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_SessionAttendees_UserId",
                table: "SessionAttendees");

            migrationBuilder.DropIndex(
                name: "IX_ServiceDeliveries_ServiceId",
                table: "ServiceDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_ResearchReports_ResearcherId",
                table: "ResearchReports");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_BeneficiaryId",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ResearcherId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_PortalUploads_DocumentTypeId",
                table: "PortalUploads");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId_Status",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_AssigneeId",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_BeneficiaryId",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_DocumentChecks_DocumentTypeId",
                table: "DocumentChecks");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_BranchId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeVotes_UserId",
                table: "CommitteeVotes");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeMembers_UserId",
                table: "CommitteeMembers");

            migrationBuilder.DropColumn(
                name: "SpoiledReason",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Letters");
        }
    }
}
