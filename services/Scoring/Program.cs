using MassTransit;
using SignauxFaibles.Scoring.Api;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Follows;
using SignauxFaibles.Scoring.Names;
using SignauxFaibles.Scoring.Lists;
using SignauxFaibles.Scoring.Monitoring;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Scoring.Rescoring;
using SignauxFaibles.Scoring.Scores;
using SignauxFaibles.Scoring.Search;
using SignauxFaibles.Scoring.Verdicts;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Zones;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.ServiceDefaults.Pipeline;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<ScoringDbContext>();
builder.AddServiceAuthentication();
builder.AddAuditLog<ScoringDbContext>();
builder.AddServiceBus<ScoringDbContext>("scoring", bus =>
{
    bus.AddConsumer<IndicatorsUpdatedConsumer, IndicatorsUpdatedConsumerDefinition>();
    // Company names for the detection list, from the Sirene legal units.
    bus.AddConsumer<CompanyRegisteredNamesConsumer, CompanyRegisteredNamesConsumerDefinition>();
    bus.AddConsumer<CompanyChangedNamesConsumer, CompanyChangedNamesConsumerDefinition>();
    // Where each establishment is: the zone rule places a company by any open establishment.
    bus.AddKnownEstablishments<ScoringDbContext>("scoring");
    // The communes of each company's establishments, for the officers' company search.
    bus.AddConsumer<EstablishmentRegisteredCommunesConsumer, EstablishmentRegisteredCommunesConsumerDefinition>();
    bus.AddConsumer<EstablishmentChangedCommunesConsumer, EstablishmentChangedCommunesConsumerDefinition>();
    // Officers' verdicts on alerts, kept with the version they judge (feedback for training).
    bus.AddConsumer<AlertVerdictConsumer, AlertVerdictConsumerDefinition>();
    // Who follows what: a followed company's scores are open to its officer even off the lists.
    bus.AddConsumer<CompanyFollowingChangedConsumer, CompanyFollowingChangedConsumerDefinition>();
});

builder.Services.AddSingleton<ActiveModelCache>();
builder.Services.AddSingleton<RescoreQueue>();
builder.Services.AddPipelineStage<ScoringDbContext>("rescoring", (db, now, ct) => PipelineStageExtensions.MeasureAsync(
    db.RescoreRuns.Where(r => r.Status == RescoreStatus.Queued || r.Status == RescoreStatus.Running), r => r.RequestedAt, now, ct));
builder.Services.AddScoped<ModelRegistry>();
builder.Services.Configure<PromotionOptions>(builder.Configuration.GetSection("Scoring:Promotion"));
builder.Services.AddScoped<SnapshotStore>();
builder.Services.AddScoped<ScoreStore>();
builder.Services.AddScoped<ScoreAccess>();
builder.Services.AddScoped<ListPublisher>();
builder.Services.AddSingleton<SignauxFaibles.Scoring.Explanations.ProbabilityScale>();
builder.Services.AddScoped<PublishedLevels>();
builder.Services.Configure<LevelOptions>(builder.Configuration.GetSection("Scoring:Levels"));
builder.Services.AddHostedService<RegistrySeeder>();
builder.Services.AddHostedService<Rescorer>();
builder.Services.AddHostedService<StandingsSampler>();
// Drift of the active model's inputs and scores against its training profile (gauges, alert rules).
builder.Services.AddScoped<LivePopulation>();
builder.Services.AddScoped<ScoreHistory>();
builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection("Scoring:Monitoring"));
builder.Services.AddHostedService<ModelMonitor>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseServiceAuthentication();
app.MapAuditEndpoints();
app.MapModelEndpoints();
app.MapScoreEndpoints();
app.MapListEndpoints();
app.MapVerdictEndpoints();
app.MapSearchEndpoints();

app.RunService();
