using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.Dgefp.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddIngestionService<IngestionDbContext>(IngestFeeds.Dgefp, DgefpFileKinds.All);

var app = builder.Build();

app.MapIngestionService();

app.Run();
