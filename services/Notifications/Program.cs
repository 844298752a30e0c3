using MassTransit;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Digests;
using SignauxFaibles.Notifications.Inbox;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.Notifications.Routing;
using SignauxFaibles.Notifications.Territories;
using SignauxFaibles.Notifications.Webhooks;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.ServiceDefaults.Pipeline;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<NotificationsDbContext>();
builder.Services.AddSingleton<DeliverySignal>();
builder.Services.AddSingleton<DeliverySignalInterceptor>();
builder.Services.ConfigureDbContext<NotificationsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<DeliverySignalInterceptor>()));
builder.AddServiceBus<NotificationsDbContext>("notifications", bus =>
{
    bus.AddConsumer<RiskLevelChangedConsumer, RiskLevelChangedConsumerDefinition>();
    bus.AddConsumer<EstablishmentRegisteredConsumer, EstablishmentRegisteredConsumerDefinition>();
    bus.AddConsumer<EstablishmentChangedConsumer, EstablishmentChangedConsumerDefinition>();
    bus.AddConsumer<CompanyRegisteredConsumer, CompanyRegisteredConsumerDefinition>();
    bus.AddConsumer<CompanyChangedConsumer, CompanyChangedConsumerDefinition>();
});

builder.AddServiceAuthentication();
builder.AddAuditLog<NotificationsDbContext>();

builder.Services.Configure<DeliveryOptions>(builder.Configuration.GetSection(DeliveryOptions.Section));
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
builder.Services.Configure<DigestOptions>(builder.Configuration.GetSection(DigestOptions.Section));
builder.Services.AddScoped<EstablishmentLocations>();
builder.Services.AddScoped<RosterImporter>();
builder.Services.AddScoped<OfficerDirectoryAnnouncer>();
builder.Services.AddScoped<DigestWriter>();
builder.Services.AddScoped<AlertWriter>();
builder.Services.AddSingleton<SmtpMailer>();
builder.Services.AddSingleton(_ => new WebhookPoster(WebhookPoster.CreateClient()));
builder.Services.AddHostedService<DeliverySender>();
builder.Services.AddPipelineStage<NotificationsDbContext>("deliveries", (db, now, ct) => PipelineStageExtensions.MeasureAsync(
    db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending), d => d.CreatedAt, now, ct));
builder.Services.AddHostedService<DigestScheduler>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseServiceAuthentication();
app.MapOfficerEndpoints();
app.MapInboxEndpoints();
app.MapTerritoryEndpoints();
// The directory's import, deliveries, webhooks and digests are operators' business.
var ops = app.MapGroup("").RequireAuthorization(SfPolicies.Ops);
ops.MapRosterEndpoints();
ops.MapDeliveryEndpoints();
ops.MapDigestEndpoints();
ops.MapAuditEndpoints();

app.RunService();
