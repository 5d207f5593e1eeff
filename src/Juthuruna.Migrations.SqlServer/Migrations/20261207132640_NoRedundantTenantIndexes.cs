using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Juthuruna.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NoRedundantTenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TenantHolidays_TenantId",
                table: "TenantHolidays");

            migrationBuilder.DropIndex(
                name: "IX_TenantCounters_TenantId",
                table: "TenantCounters");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_TenantId",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_SurveyInvitations_TenantId",
                table: "SurveyInvitations");

            migrationBuilder.DropIndex(
                name: "IX_SupportServices_TenantId",
                table: "SupportServices");

            migrationBuilder.DropIndex(
                name: "IX_SupportRequests_TenantId",
                table: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_TenantId",
                table: "StoredFiles");

            migrationBuilder.DropIndex(
                name: "IX_SignInSessions_TenantId",
                table: "SignInSessions");

            migrationBuilder.DropIndex(
                name: "IX_SessionAttendees_TenantId",
                table: "SessionAttendees");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequirements_TenantId",
                table: "ServiceRequirements");

            migrationBuilder.DropIndex(
                name: "IX_ServiceDeliveries_TenantId",
                table: "ServiceDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_ResearchReports_TenantId",
                table: "ResearchReports");

            migrationBuilder.DropIndex(
                name: "IX_RequestHistory_TenantId",
                table: "RequestHistory");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_TenantId",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_TenantId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_PortalUploads_TenantId",
                table: "PortalUploads");

            migrationBuilder.DropIndex(
                name: "IX_PortalChallenges_TenantId",
                table: "PortalChallenges");

            migrationBuilder.DropIndex(
                name: "IX_PortalAttempts_TenantId",
                table: "PortalAttempts");

            migrationBuilder.DropIndex(
                name: "IX_PolicyVersions_TenantId",
                table: "PolicyVersions");

            migrationBuilder.DropIndex(
                name: "IX_PolicyDocuments_TenantId",
                table: "PolicyDocuments");

            migrationBuilder.DropIndex(
                name: "IX_OutgoingMessages_TenantId",
                table: "OutgoingMessages");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_TenantId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_NameTokens_TenantId",
                table: "NameTokens");

            migrationBuilder.DropIndex(
                name: "IX_Letters_TenantId",
                table: "Letters");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_TenantId",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackEvents_TenantId",
                table: "FeedbackEvents");

            migrationBuilder.DropIndex(
                name: "IX_DocumentTypes_TenantId",
                table: "DocumentTypes");

            migrationBuilder.DropIndex(
                name: "IX_DocumentChecks_TenantId",
                table: "DocumentChecks");

            migrationBuilder.DropIndex(
                name: "IX_DeclarationTemplates_TenantId",
                table: "DeclarationTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Declarations_TenantId",
                table: "Declarations");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeVotes_TenantId",
                table: "CommitteeVotes");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeSessions_TenantId",
                table: "CommitteeSessions");

            migrationBuilder.DropIndex(
                name: "IX_CommitteeMembers_TenantId",
                table: "CommitteeMembers");

            migrationBuilder.DropIndex(
                name: "IX_Branches_TenantId",
                table: "Branches");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaries_TenantId",
                table: "Beneficiaries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_TenantId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TenantId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_TenantId",
                table: "AgendaItems");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TenantHolidays_TenantId",
                table: "TenantHolidays",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantCounters_TenantId",
                table: "TenantCounters",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_TenantId",
                table: "SurveyResponses",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TenantId",
                table: "SurveyInvitations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportServices_TenantId",
                table: "SupportServices",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_TenantId",
                table: "SupportRequests",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_TenantId",
                table: "StoredFiles",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SignInSessions_TenantId",
                table: "SignInSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionAttendees_TenantId",
                table: "SessionAttendees",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequirements_TenantId",
                table: "ServiceRequirements",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeliveries_TenantId",
                table: "ServiceDeliveries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_TenantId",
                table: "ResearchReports",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestHistory_TenantId",
                table: "RequestHistory",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_TenantId",
                table: "Registrations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TenantId",
                table: "Referrals",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalUploads_TenantId",
                table: "PortalUploads",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalChallenges_TenantId",
                table: "PortalChallenges",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAttempts_TenantId",
                table: "PortalAttempts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyVersions_TenantId",
                table: "PolicyVersions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDocuments_TenantId",
                table: "PolicyDocuments",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMessages_TenantId",
                table: "OutgoingMessages",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId",
                table: "Notifications",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_NameTokens_TenantId",
                table: "NameTokens",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_TenantId",
                table: "Letters",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_TenantId",
                table: "FeedbackItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackEvents_TenantId",
                table: "FeedbackEvents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTypes_TenantId",
                table: "DocumentTypes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentChecks_TenantId",
                table: "DocumentChecks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationTemplates_TenantId",
                table: "DeclarationTemplates",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Declarations_TenantId",
                table: "Declarations",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId",
                table: "Contacts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeVotes_TenantId",
                table: "CommitteeVotes",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeSessions_TenantId",
                table: "CommitteeSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMembers_TenantId",
                table: "CommitteeMembers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Branches_TenantId",
                table: "Branches",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaries_TenantId",
                table: "Beneficiaries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TenantId",
                table: "AuditEntries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId",
                table: "AspNetUsers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_TenantId",
                table: "AgendaItems",
                column: "TenantId");
        }
    }
}
