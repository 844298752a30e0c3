using MassTransit;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Features.Api;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Facts;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Zones;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.ServiceDefaults.Pipeline;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<FeaturesDbContext>();
builder.AddServiceBus<FeaturesDbContext>("features", bus =>
{
    bus
    .AddSourceChunkConsumer<ContributionDebtRecorded>()
    .AddSourceChunkConsumer<ContributionsDeclared>()
    .AddSourceChunkConsumer<PaymentPlanGranted>()
    .AddSourceChunkConsumer<CcsfPlanStepRecorded>()
    .AddSourceChunkConsumer<EstablishmentHeadcountReported>()
    .AddSourceChunkConsumer<CompanyHeadcountReported>()
    .AddSourceChunkConsumer<ShortTimeWorkRequested>()
    .AddSourceChunkConsumer<ShortTimeWorkConsumed>()
    .AddSourceChunkConsumer<FinancialStatementFiled>()
    .AddSourceChunkConsumer<SupplierPaymentDelayReported>()
    .AddSourceChunkConsumer<InsolvencyProceedingRecorded>()
    .AddSourceChunkConsumer<CompanyRegistered>()
    .AddSourceChunkConsumer<CompanyChanged>()
    .AddSourceChunkConsumer<EstablishmentRegistered>()
    .AddSourceChunkConsumer<EstablishmentChanged>();
    bus.AddConsumer<RiskListConsumer, RiskListConsumerDefinition>();
    // Where each establishment is, for the zone rule (any open establishment places its company).
    bus.AddKnownEstablishments<FeaturesDbContext>("features");
});
builder.AddServiceAuthentication();
builder.AddAuditLog<FeaturesDbContext>();
builder.Services.AddScoped<IDetectionListMembership, DetectionListMembership>();
builder.Services.AddScoped<CompanyAccess>();

builder.Services.Configure<PanelOptions>(builder.Configuration.GetSection("Panel"));
builder.Services.AddScoped<FactStore>();
builder.Services.AddScoped<PanelStore>();
builder.Services.AddSingleton<PanelSignal>();
builder.Services.AddHostedService<PanelRefresher>();
builder.Services.AddPipelineStage<FeaturesDbContext>("panel-refresh", (db, now, ct) => PipelineStageExtensions.MeasureAsync(db.DirtyCompanies, d => d.MarkedAt, now, ct));

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseServiceAuthentication();
app.MapIndicatorEndpoints();
app.MapFollowEndpoints();
app.MapFollowUpEndpoints();
app.MapAuditEndpoints();

app.RunService();
