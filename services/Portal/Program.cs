using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Confidentiality;
using SignauxFaibles.Portal.Exports;
using SignauxFaibles.Portal.Inbox;
using SignauxFaibles.Portal.Login;
using SignauxFaibles.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Cookie session + sign-in at the identity service; the services are called with the officer's token.
builder.AddPortalAuthentication();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ConfidentialityGate>();
builder.Services.AddScoped<InboxSummary>();
// No company page before the confidentiality terms are acknowledged (access.md).
builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ConfidentialityGate))));
builder.Services.AddHttpContextAccessor();
builder.Services.AddHttpClient<GatewayClient>((services, http) =>
    http.BaseAddress = services.GetRequiredService<IOptions<PortalOptions>>().Value.Gateway
        ?? throw new InvalidOperationException("Portal:Gateway (the gateway's URL) is required."));

var app = builder.Build();

// Behind the gateway the host is the gateway's (X-Forwarded-Host): the sign-in callback must name it.
app.UseForwardedHeaders();
app.UsePathBase(app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PathBase);
app.UseRouting();
app.MapDefaultEndpoints();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseSessionExpiry();
app.MapSignOut();
app.MapExportEndpoints();
app.MapRazorPages();

app.Run();
