using SignauxFaibles.Gateway;
using SignauxFaibles.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHttpClient(nameof(DestinationsHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddHealthChecks().AddCheck<DestinationsHealthCheck>("services", tags: [HealthExtensions.Ready]);

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();
