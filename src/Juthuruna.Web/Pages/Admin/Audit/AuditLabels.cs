using System.Text.RegularExpressions;
using Juthuruna.Common.Money;
using Juthuruna.Features.Audit;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Web.Pages.Requests;
using Microsoft.Extensions.Localization;

namespace Juthuruna.Web.Pages.Admin.Audit;

/// <summary>
/// The one label map of the audit log: record kinds, actions, field names and values in the reader's language
/// (written out so every key is checked for Arabic). Unknown names fall back to the stored name.
/// </summary>
public static partial class AuditLabels
{
    public static string Kind(IStringLocalizer l, string entityType) => entityType switch
    {
        "Beneficiary" => l["Beneficiary file"],
        "SupportRequest" => l["Support request"],
        "Declaration" => l["Declaration"],
        "Referral" => l["Referral to the researcher"],
        "DocumentCheck" => l["Document check"],
        "ResearchReport" => l["Research report"],
        "Registration" => l["Registration"],
        "ServiceDelivery" => l["Service delivery"],
        "AgendaItem" => l["Agenda item"],
        "CommitteeVote" => l["Committee vote"],
        "CommitteeSession" => l["Committee session"],
        "CommitteeMember" => l["Committee seat"],
        "PolicyDocument" => l["Policy document"],
        "FeedbackItem" => l["Suggestion or complaint"],
        "StoredFile" => l["Stored file"],
        "PortalUpload" => l["Upload on the portal"],
        "SupportRequestList" => l["Requests list"],
        "BeneficiaryList" => l["Beneficiaries list"],
        "ContactList" => l["Contacts log"],
        "AuditList" => l["Audit log"],
        "ImportJob" => l["Import of files"],
        "ApplicationUser" => l["Staff account"],
        _ => entityType,
    };

    public static string Action(IStringLocalizer l, AuditAction action) => action switch
    {
        AuditAction.Created => l["Record created"],
        AuditAction.Updated => l["Record changed"],
        AuditAction.Deleted => l["Record deleted"],
        AuditAction.Transition => l["State changed"],
        AuditAction.Viewed => l["Record opened"],
        AuditAction.Exported => l["List exported"],
        AuditAction.SignedIn => l["Signed in"],
        AuditAction.SignInFailed => l["Sign-in refused"],
        AuditAction.Disabled => l["Staff account disabled"],
        AuditAction.Enabled => l["Staff account enabled"],
        AuditAction.RolesChanged => l["Roles changed"],
        AuditAction.PasswordReset => l["Password set by the administrator"],
        AuditAction.Unlocked => l["Account unlocked"],
        AuditAction.TwoFactorReset => l["Two-factor sign-in reset"],
        _ => action.ToString(),
    };

    /// <summary>A field path, segment by segment: <c>IncomeSources[id].MonthlyHalalas</c> → "مصادر الدخل › المبلغ الشهري".</summary>
    public static string Field(IStringLocalizer l, string path) =>
        string.Join(" › ", path.Split('.').Select(segment => FieldName(l, Index().Replace(segment, ""))));

    /// <summary>A value as the reader knows it: request states by their label, yes/no, amounts in riyals.</summary>
    public static string? Value(IStringLocalizer l, string path, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var field = AuditQueries.FieldName(path);
        return field switch
        {
            "State" when Enum.TryParse<RequestState>(value, out var state) => RequestLabels.Of(l, state),
            "Outcome" when Enum.TryParse<Juthuruna.Features.Staff.SignInOutcome>(value, out var outcome) => Outcome(l, outcome),
            _ when field.EndsWith("Halalas", StringComparison.Ordinal) && long.TryParse(value, out var halalas) => $"{Riyals.Format(halalas)} {l["SAR"]}",
            _ when value == "true" => l["Yes"],
            _ when value == "false" => l["No"],
            _ => value,
        };
    }

    private static string Outcome(IStringLocalizer l, Juthuruna.Features.Staff.SignInOutcome outcome) => outcome switch
    {
        Juthuruna.Features.Staff.SignInOutcome.WrongPassword => l["Wrong password"],
        Juthuruna.Features.Staff.SignInOutcome.LockedOut => l["The account is locked after failed attempts"],
        Juthuruna.Features.Staff.SignInOutcome.Disabled => l["The account is disabled"],
        Juthuruna.Features.Staff.SignInOutcome.AssociationSuspended => l["The association is suspended"],
        Juthuruna.Features.Staff.SignInOutcome.UnknownEmail => l["No account has this e-mail"],
        _ => outcome.ToString(),
    };

    private static string FieldName(IStringLocalizer l, string name) => name switch
    {
        "ClientAddress" => l["Client address"],
        "Outcome" => l["Outcome"],
        "Roles" => l["Roles"],
        "FullName" => l["Full name"],
        "FileNumber" => l["File number"],
        "BeneficiaryNumber" => l["Beneficiary number"],
        "IdentityType" => l["Identity type"],
        "IdentityNumber" => l["Identity number"],
        "FirstName" => l["First name"],
        "FatherName" => l["Father's name"],
        "GrandfatherName" => l["Grandfather's name"],
        "FamilyName" => l["Family name"],
        "NameEn" => l["Name in English"],
        "Gender" => l["Gender"],
        "BirthDate" => l["Birth date"],
        "Nationality" => l["Nationality"],
        "MaritalStatus" => l["Marital status"],
        "Mobile" => l["Mobile"],
        "Email" => l["E-mail"],
        "NonEssentialMessagesOptOut" => l["No non-essential messages"],
        "Address" => l["Address"],
        "EmploymentStatus" => l["Employment status"],
        "HousingType" => l["Housing type"],
        "HealthNotes" => l["Health notes"],
        "Notes" => l["Notes"],
        "OpenedOnWebsite" => l["Opened on the website"],
        "IncomeSources" => l["Income sources"],
        "HouseholdMembers" => l["Household members"],
        "CreatedAtUtc" => l["Created at"],
        "UpdatedAtUtc" => l["Updated at"],
        "Kind" => l["Kind"],
        "MonthlyHalalas" => l["Monthly amount"],
        "Name" => l["Name"],
        "Relation" => l["Relation"],
        "MonthlyIncomeHalalas" => l["Monthly income"],
        "BuildingNumber" => l["Building number"],
        "Street" => l["Street"],
        "District" => l["District"],
        "City" => l["City"],
        "PostalCode" => l["Postal code"],
        "AdditionalNumber" => l["Additional number"],
        "Number" => l["Number"],
        "HijriYear" => l["Hijri year"],
        "BeneficiaryId" => l["Beneficiary"],
        "ServiceId" => l["Service"],
        "BranchId" => l["Branch"],
        "Channel" => l["Channel"],
        "Description" => l["Description"],
        "AmountRequestedHalalas" => l["Amount requested"],
        "State" => l["State"],
        "SubmittedOn" => l["Submitted on"],
        "VerifiedOn" => l["Verified on"],
        "DecisionDueOn" => l["Committee decision due"],
        "ResearcherId" => l["Social researcher"],
        "DecidedOn" => l["Decided on"],
        "CreatedBy" => l["Created by"],
        "RequestId" => l["Request"],
        "ApplicantName" => l["Applicant's name"],
        "Method" => l["Method"],
        "Text" => l["Text"],
        "TextVersion" => l["Wording version"],
        "ScanFileId" => l["Scanned copy"],
        "WitnessUserId" => l["Witness"],
        "AtUtc" => l["Time"],
        "Question" => l["Question"],
        "AskedBy" => l["Asked by"],
        "AskedAtUtc" => l["Asked at"],
        "Answer" => l["Answer"],
        "AnsweredBy" => l["Answered by"],
        "AnsweredAtUtc" => l["Answered at"],
        "Status" => l["Status"],
        "DocumentTypeId" => l["Document type"],
        "SeenInOriginal" => l["Seen in the original"],
        "IssueDate" => l["Issue date"],
        "ExpiryDate" => l["Expiry date"],
        "FileId" => l["File"],
        "Note" => l["Note"],
        "CheckedBy" => l["Checked by"],
        "CheckedAtUtc" => l["Checked at"],
        "VisitType" => l["Visit type"],
        "VisitedOn" => l["Visited on"],
        "HouseholdSituation" => l["Household situation"],
        "Findings" => l["Findings"],
        "Needs" => l["Needs"],
        "Recommendation" => l["Recommendation"],
        "RecommendedServiceIds" => l["Recommended services"],
        "RecommendedAmountHalalas" => l["Recommended amount"],
        "SubmittedAtUtc" => l["Submitted at"],
        "EligibleFrom" => l["Eligible from"],
        "EligibleTo" => l["Eligible to"],
        "ApprovedServiceIds" => l["Approved services"],
        "ApprovedAmountHalalas" => l["Approved amount"],
        "RegisteredBy" => l["Registered by"],
        "RegisteredAtUtc" => l["Registered at"],
        "Quantity" => l["Quantity"],
        "AmountHalalas" => l["Amount"],
        "DeliveredOn" => l["Delivered on"],
        "DeliveredBy" => l["Delivered by"],
        "ReceiptKind" => l["Receipt"],
        "ReceiptFileId" => l["Receipt scan"],
        "ReceiptNote" => l["Receipt note"],
        "RecordedAtUtc" => l["Recorded at"],
        "SessionId" => l["Session"],
        "Position" => l["Position"],
        "Decision" => l["Decision"],
        "Reasons" => l["Reasons"],
        "PolicyVersions" => l["Policies in force"],
        "VotesApprove" => l["Votes to approve"],
        "VotesReject" => l["Votes to reject"],
        "Abstentions" => l["Abstentions"],
        "Recusals" => l["Recusals"],
        "DecidedBy" => l["Decided by"],
        "DecidedAtUtc" => l["Decided at"],
        "AgendaItemId" => l["Agenda item"],
        "UserId" => l["Staff member"],
        "Choice" => l["Vote"],
        "Reason" => l["Reason"],
        "CastAtUtc" => l["Voted at"],
        "HeldOn" => l["Held on"],
        "Place" => l["Place"],
        "Role" => l["Role"],
        "ActiveFrom" => l["Active from"],
        "ActiveTo" => l["Active to"],
        "TitleAr" => l["Arabic title"],
        "TitleEn" => l["English title"],
        "IsPublic" => l["Public"],
        "Reference" => l["Reference"],
        "Sequence" => l["Sequence"],
        "Category" => l["Category"],
        "Subject" => l["Subject"],
        "WantsReply" => l["Wants a reply"],
        "AssigneeId" => l["Assigned to"],
        "ReceivedAtUtc" => l["Received at"],
        "DueOn" => l["Due on"],
        "RecordedBy" => l["Recorded by"],
        "Response" => l["Response"],
        "ClosureNote" => l["Closure note"],
        "ClosedBy" => l["Closed by"],
        "ClosedAtUtc" => l["Closed at"],
        "OriginalName" => l["File name"],
        "ContentType" => l["File type"],
        "SizeBytes" => l["Size (bytes)"],
        "UploadedBy" => l["Uploaded by"],
        "UploadedAtUtc" => l["Uploaded at"],
        "OwnerKind" => l["Attached to"],
        "OwnerId" => l["Attached record"],
        "Batch" => l["Batch"],
        "Rows" => l["Rows"],
        "FilesCreated" => l["Files created"],
        "FilesUpdated" => l["Files updated"],
        "RolledBack" => l["Files rolled back"],
        _ => name,
    };

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Index();
}
