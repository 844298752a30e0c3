using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Insee.Data;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IngestionDbContext>();
builder.AddServiceBus<IngestionDbContext>();
builder.AddIngestion<IngestionDbContext>(InseeFileKinds.All);

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIngestionEndpoints();

app.Run();
