using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Comptes;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IngestionDbContext>();
builder.AddServiceBus<IngestionDbContext>();
builder.AddIngestion<IngestionDbContext>(UrssafFileKinds.All);
builder.Services.AddScoped<IChunkRouter, UrssafChunkRouter>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIngestionEndpoints();
app.MapPendingRecordEndpoints();

app.Run();
