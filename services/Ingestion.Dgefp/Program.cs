using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.Dgefp.Data;
using SignauxFaibles.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>("ingestion-dgefp", DgefpFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.RunService();
