using SignauxFaibles.Ingestion.Urssaf.Batches;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Ingestion.Urssaf.Upload;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IngestionDbContext>();
builder.AddServiceBus<IngestionDbContext>();

builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
builder.Services.AddSingleton<RawFileStore>();
builder.Services.AddScoped<DebitFileIngestor>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapUploadEndpoints();
app.MapBatchEndpoints();

app.Run();
