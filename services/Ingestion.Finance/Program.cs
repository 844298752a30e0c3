using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Finance.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>(IngestFeeds.Finance, FinanceFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.Run();
