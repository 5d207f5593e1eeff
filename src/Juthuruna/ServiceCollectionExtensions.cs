using FluentValidation;
using Juthuruna.Features.Beneficiaries;
using Juthuruna.Features.Contacts;
using Juthuruna.Features.Deliveries;
using Juthuruna.Features.Registrations;
using Juthuruna.Features.Research;
using Juthuruna.Features.Services;
using Juthuruna.Features.Staff;
using Juthuruna.Features.SupportRequests;
using Juthuruna.Features.Tenants;
using Juthuruna.Seeding;
using Juthuruna.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Juthuruna;

public static class ServiceCollectionExtensions
{
    /// <summary>The core's services; the host adds the DbContext with its provider and Identity.</summary>
    public static IServiceCollection AddJuthurunaCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<Features.Audit.CurrentUser>();
        services.AddScoped<Features.Audit.AccessLog>();
        // "Viewed" rows wait here and are written in batches by the host's AccessLogWriter (ADR 0013).
        services.AddOptions<Features.Audit.AccessLogOptions>();
        services.AddSingleton<Features.Audit.AccessLogBuffer>();
        services.AddScoped<Features.Files.FileStorage>();
        services.AddOptions<Features.Files.StorageOptions>();
        services.AddSingleton<TenantScopeFactory>();
        services.AddValidatorsFromAssemblyContaining<SharedResource>(ServiceLifetime.Scoped);
        services.AddScoped<StaffAccounts>();
        services.AddScoped<Identity.SignInSessions>();
        services.AddScoped<StaffQueries>();
        services.AddScoped<Features.Audit.AuditQueries>();
        services.AddScoped<BeneficiaryFiles>();
        services.AddScoped<BeneficiaryQueries>();
        services.AddScoped<HouseholdOverlaps>();
        services.AddOptions<Features.Import.ImportOptions>();
        services.AddSingleton<Features.Import.ImportSignals>();
        services.AddSingleton<Features.Import.ImportStorage>();
        services.AddScoped<Features.Import.ImportEngine>();
        services.AddScoped<Features.Import.ImportJobs>();
        services.AddScoped<Features.Import.ImportCommitter>();
        services.AddScoped<Features.Import.ImportQueries>();
        services.AddScoped<DocumentTypes>();
        services.AddScoped<SupportServices>();
        services.AddScoped<ServiceCatalogue>();
        services.AddSingleton<ServiceNameCache>();
        services.AddScoped<ServiceNames>();
        services.AddScoped<FileHistoryQueries>();
        services.AddScoped<RequestCommands>();
        services.AddScoped<RequestMessages>();
        // What other features do when a request moves, in the step's unit of work (called in this order).
        services.AddScoped<IRequestTransitionHandler>(sp => sp.GetRequiredService<RequestMessages>());
        services.AddScoped<IRequestTransitionHandler, Features.Satisfaction.SurveyOnCompletion>();
        services.AddScoped<RequestTransitions>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<RequestList>();
        services.AddScoped<Features.Exports.ExportLog>();
        services.AddScoped<DocumentChecks>();
        services.AddScoped<Features.Settings.AssociationSettings>();
        services.AddScoped<Features.Committee.CommitteeMembers>();
        services.AddScoped<Features.Committee.CommitteeSessions>();
        services.AddScoped<Features.Committee.CommitteeVoting>();
        services.AddScoped<Features.Committee.CommitteeQueries>();
        services.AddScoped<DecisionWindowQueries>();
        services.AddScoped<Features.Notifications.DecisionWindowReminders>();
        services.AddScoped<Features.Notifications.NotificationInbox>();
        // Delivery of messages: the three senders, chosen per message by Messaging:Mode and the channel.
        services.AddOptions<Features.Notifications.Messaging.MessagingOptions>();
        services.AddSingleton<Features.Notifications.Messaging.LocalOutboxSink>();
        services.AddScoped<Features.Notifications.Messaging.SmtpEmailSender>();
        services.AddHttpClient<Features.Notifications.Messaging.HttpSmsSender>();
        services.AddScoped<Features.Notifications.Messaging.MessageTemplates>();
        services.AddScoped<Features.Notifications.Messaging.MessageDelivery>();
        services.AddScoped<Features.Notifications.Messaging.Outbox>();
        services.AddScoped<Features.Portal.PortalSignIn>();
        services.AddScoped<Features.Portal.PortalTracking>();
        services.AddScoped<ResearchCommands>();
        services.AddScoped<ResearchQueries>();
        services.AddScoped<RegistrationCommands>();
        services.AddScoped<RegistrationQueries>();
        services.AddScoped<DeliveryCommands>();
        services.AddScoped<DeliveryQueries>();
        services.AddScoped<ContactLog>();
        services.AddScoped<ContactQueries>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<DemoData>();
        // One Chromium per process, shared by every tenant's letters (it only ever sees HTML we render).
        services.AddOptions<Pdf.LetterOptions>();
        services.AddSingleton<Pdf.PdfRenderer>();
        services.AddScoped<Features.Letters.LetterComposer>();
        services.AddScoped<Features.Letters.LetterRegister>();
        services.AddScoped<Features.Letters.LetterQueries>();
        services.AddScoped<Features.Letters.LetterVerifier>();
        services.AddScoped<Features.Letters.LetterheadSettings>();
        services.AddScoped<Features.Policies.PolicyDocuments>();
        services.AddScoped<Features.Policies.PolicyQueries>();
        services.AddScoped<Features.Portal.PortalApplications>();
        services.AddScoped<Features.Portal.PortalThrottle>();
        services.AddScoped<Features.Portal.PortalLinks>();
        services.AddScoped<Features.Satisfaction.Surveys>();
        services.AddScoped<Features.Satisfaction.SurveyQueries>();
        services.AddScoped<Features.Reports.ReportQueries>();
        services.AddScoped<Features.Feedback.FeedbackDesk>();
        services.AddScoped<Features.Feedback.FeedbackQueries>();
        // One class per kind of letter; the register finds a kind's template among them.
        foreach (var template in typeof(Features.Letters.LetterTemplate).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(Features.Letters.LetterTemplate))))
        {
            services.AddScoped(typeof(Features.Letters.LetterTemplate), template);
        }

        return services;
    }
}
