using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.Dgefp.Data;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IngestionDbContext>();
builder.AddServiceBus<IngestionDbContext>();
builder.AddIngestion<IngestionDbContext>(DgefpFileKinds.All);

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIngestionEndpoints();

app.Run();
