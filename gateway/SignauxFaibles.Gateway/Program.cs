using SignauxFaibles.Gateway;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Tokens are checked at the door (each route names its policy; a route without one still needs a
// token through the fallback policy) and again by every service.
builder.AddServiceAuthentication();
builder.Services.AddPerClientRateLimit(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddConfigFilter<RouteDefaults>();
builder.Services.AddHttpClient(nameof(DestinationsHealthCheck), c => c.Timeout = TimeSpan.FromSeconds(5));
builder.Services.AddHealthChecks().AddCheck<DestinationsHealthCheck>("services", tags: [HealthExtensions.Ready]);

var app = builder.Build();

app.UseForwardedHeaders();
app.UseCorrelationIds();
app.MapDefaultEndpoints();
app.UseServiceAuthentication();
app.UseRateLimiter();
app.MapReverseProxy();

app.Run();
