using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Insee.Data;
using SignauxFaibles.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>("ingestion-insee", InseeFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.RunService();
