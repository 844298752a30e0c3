using MassTransit;
using SignauxFaibles.Features.ContributionDebt;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<FeaturesDbContext>();
builder.AddServiceBus<FeaturesDbContext>(bus =>
    bus.AddConsumer<ContributionDebtRecordedConsumer, ContributionDebtRecordedConsumerDefinition>());

builder.Services.AddScoped<DebtPanelUpdater>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPanelEndpoints();

app.Run();
