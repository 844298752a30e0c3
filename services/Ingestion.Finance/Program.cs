using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Finance.Data;
using SignauxFaibles.Security.Authentication;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>("ingestion-finance", FinanceFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.RunService();
