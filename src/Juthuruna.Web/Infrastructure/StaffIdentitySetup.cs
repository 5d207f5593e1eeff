using Juthuruna.Data;
using Juthuruna.Identity;
using Microsoft.AspNetCore.Identity;

namespace Juthuruna.Web.Infrastructure;

public static class StaffIdentitySetup
{
    public const string TenantAdminPolicy = "TenantAdmin";
    public const string HostAdminPolicy = "HostAdmin";

    /// <summary>Who may read beneficiary files, requests, documents and contacts: every association role but the board member.</summary>
    public const string BeneficiaryReadersPolicy = "BeneficiaryReaders";

    /// <summary>The policy documents: every association role, the board member included (approved versions only for all but the administrator).</summary>
    public const string PolicyReadersPolicy = "PolicyReaders";

    /// <summary>The association's reports (/Reports): the manager, the administrator and the board member.</summary>
    public const string ReportReadersPolicy = "ReportReaders";

    /// <summary>
    /// Lists with personal data written out to a file (issue 16): the roles whose work is the whole register — the
    /// front desk, the manager and the association's administrator. Others read the lists on screen, row by row.
    /// </summary>
    public const string ListExportersPolicy = "ListExporters";

    /// <summary>Who may create and edit beneficiary files: the front desk and the association's administrator.</summary>
    public const string BeneficiaryWritersPolicy = "BeneficiaryWriters";

    /// <summary>Who may open the committee's pages; voting, the minutes and decisions also need a seat on the committee.</summary>
    public const string CommitteeReadersPolicy = "CommitteeReaders";
    /// <summary>Who follows the decision window's dashboard: the manager, the administrator, the committee's chair and secretary.</summary>
    public const string DecisionWindowReadersPolicy = "DecisionWindowReaders";

    /// <summary>The correspondence register and its letters (Features/Letters/LetterRegister.ReaderRoles).</summary>
    public const string LetterReadersPolicy = "LetterReaders";
    public const string FeedbackHandlersPolicy = "FeedbackHandlers";

    /// <summary>The results of قياس الرضا: the manager and the association's administrator.</summary>
    public const string SatisfactionReadersPolicy = "SatisfactionReaders";

    /// <summary>Importing an association's existing records (Excel): the administrator and the manager.</summary>
    public const string ImportersPolicy = "Importers";

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, ApplicationRole>(options =>
            {
                // NIST SP 800-63B / ASVS 5.0: length over composition rules.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false; // unique per platform through the staff directory
                options.SignIn.RequireConfirmedAccount = true; // "confirmed" = active: ActiveStaffConfirmation
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddScoped<IUserConfirmation<ApplicationUser>, ActiveStaffConfirmation>();
        services.AddScoped<SignedInViewer>();
        services.AddPortalAuthentication();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Errors/403";
            options.Cookie.Name = "juthuruna.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = StaffPrincipalValidator.ValidateAsync;
            // Server-side sessions: "sign out" ends this cookie on the server, not only in this browser (ADR 0011).
            options.Events.OnSigningIn = context => ServerSideSessions.OnSigningInAsync(context, SignInSessionKind.Staff, StaffClaims.Tenant, System.Security.Claims.ClaimTypes.NameIdentifier);
            options.Events.OnSigningOut = context => ServerSideSessions.OnSigningOutAsync(context, StaffClaims.Tenant);
            // A role that may not use a page gets 403 at the page's own address (the friendly 403 page is
            // rendered there by the status-code pages), not a redirect to another URL.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            // Every page requires a signed-in user unless it is marked [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(TenantAdminPolicy, p => p.RequireRole(StaffRoles.TenantAdmin))
            .AddPolicy(HostAdminPolicy, p => p.RequireRole(StaffRoles.HostAdmin))
            .AddPolicy(BeneficiaryReadersPolicy, p => p.RequireRole(StaffRoles.PersonalDataRoles))
            .AddPolicy(PolicyReadersPolicy, p => p.RequireRole(StaffRoles.AssociationRoles))
            .AddPolicy(ReportReadersPolicy, p => p.RequireRole(StaffRoles.ReportReaders))
            .AddPolicy(ListExportersPolicy, p => p.RequireRole(StaffRoles.RelationsOfficer, StaffRoles.Manager, StaffRoles.TenantAdmin))
            .AddPolicy(BeneficiaryWritersPolicy, p => p.RequireRole(StaffRoles.RelationsOfficer, StaffRoles.TenantAdmin))
            .AddPolicy(CommitteeReadersPolicy, p => p.RequireRole(Juthuruna.Features.Committee.CommitteeMembers.CommitteeReaderRoles))
            .AddPolicy(LetterReadersPolicy, p => p.RequireRole(Juthuruna.Features.Letters.LetterRegister.ReaderRoles))
            .AddPolicy(SatisfactionReadersPolicy, p => p.RequireRole(StaffRoles.Manager, StaffRoles.TenantAdmin))
            .AddPolicy(ImportersPolicy, p => p.RequireRole(StaffRoles.Manager, StaffRoles.TenantAdmin))
            .AddPolicy(FeedbackHandlersPolicy, p => p.RequireRole(Juthuruna.Features.Feedback.FeedbackDesk.HandlerRoles))
            .AddPolicy(DecisionWindowReadersPolicy, p => p.RequireRole(StaffRoles.Manager, StaffRoles.TenantAdmin, StaffRoles.CommitteeChair, StaffRoles.CommitteeSecretary));

        // A step's page is open to the roles the workflow table lets take that step, and to no one else.
        services.AddAuthorization(options =>
        {
            foreach (var policy in Juthuruna.Web.Pages.Requests.Steps.RequestStepPolicy.Steps.Keys)
            {
                options.AddPolicy(policy, p => p.RequireRole(Juthuruna.Web.Pages.Requests.Steps.RequestStepPolicy.Roles(policy)));
            }
        });
        return services;
    }
}
