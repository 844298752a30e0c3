using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Finance.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>(FinanceFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.Run();
