using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Judiciaire.Data;
using SignauxFaibles.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>("ingestion-judiciaire", JudiciaireFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.RunService();
