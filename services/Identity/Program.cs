using MassTransit;
using SignauxFaibles.Identity.Account;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Identity.Officers;
using SignauxFaibles.Identity.Server;
using SignauxFaibles.Identity.Terms;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IdentityDbContext>();
builder.AddServiceBus<IdentityDbContext>("identity", bus => bus.AddConsumer<OfficerDirectoryConsumer, OfficerDirectoryConsumerDefinition>());
builder.AddIssuer();
builder.Services.AddAntiforgery();
builder.Services.AddSingleton(TimeProvider.System);
// The e-mail-only login form exists on developers' machines and in tests, never in production.
var developmentLogin = (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
    && builder.Configuration.GetValue<bool>("Identity:DevelopmentLogin");
if (builder.Environment.IsDevelopment()) builder.Services.AddHostedService<DevelopmentOfficerSeeder>();

var app = builder.Build();

app.UseForwardedHeaders();
app.MapDefaultEndpoints();
app.UseAuthentication();
app.UseAuthorization();
app.MapTokenEndpoints();
app.MapTermsPage();
if (developmentLogin) app.MapDevelopmentLogin();

app.RunService();
