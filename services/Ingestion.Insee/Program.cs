using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Insee.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>(IngestFeeds.Insee, InseeFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.Run();
