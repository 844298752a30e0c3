using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Comptes;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>("ingestion-urssaf", UrssafFileKinds.All);
builder.Services.AddScoped<IChunkRouter, UrssafChunkRouter>();

var app = builder.Build();

app.MapIngestionService();
app.MapPendingRecordEndpoints();

app.RunService();
