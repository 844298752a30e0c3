using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.Notifications;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>
/// The notification service on its own vhost and database, mailing a real SMTP server (<see cref="SmtpSink"/>)
/// with short retry delays so an outage can be played in seconds.
/// </summary>
public class NotificationsFixture : IAsyncLifetime
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public SmtpSink Smtp { get; } = new();
    public ServiceFactory<NotificationsService> Service { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    /// <summary>The test's bus (<see cref="DownstreamBus"/>): publishes what other services would, watches what notifications publishes.</summary>
    public IBus Bus => _harness.Services.GetRequiredService<IBus>();

    private IHost _harness = null!;

    /// <summary>Level changes consumed by the service, and failed attempts.</summary>
    public ChangeTally Changes { get; } = new();

    /// <summary>OfficerAlerted events as a dashboard would receive them.</summary>
    public ConcurrentQueue<OfficerAlerted> OfficerAlerts { get; } = new();

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        await Smtp.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Timeout"] = "00:00:05",
            ["Notifications:Delivery:PollInterval"] = "00:00:00.200",
            ["Notifications:Delivery:FirstRetryDelay"] = "00:00:00.500",
            ["Notifications:Delivery:MaxRetryDelay"] = "00:00:01",
            ["Notifications:Delivery:CompanyFileUrl"] = "https://sf.example.fr/companies/{siren}",
        };
        Adjust(settings);
        Service = Services.Notifications(Env, "notifications", settings);
        Http = Service.CreateClient();
        Service.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Changes);
        _harness = await DownstreamBus.StartAsync(Env);
        var dashboard = Bus.ConnectReceiveEndpoint("test-dashboard", e => e.Handler<OfficerAlerted>(c =>
        {
            OfficerAlerts.Enqueue(c.Message);
            return Task.CompletedTask;
        }));
        await dashboard.Ready;
    }

    /// <summary>Lets a test class change the service's settings.</summary>
    protected virtual void Adjust(Dictionary<string, string?> settings)
    {
    }

    public NotificationsDbContext Db() =>
        new((DbContextOptions<NotificationsDbContext>)new DbContextOptionsBuilder<NotificationsDbContext>()
            .UseServiceDatabase(Env.DatabaseConnectionString("notifications")).Options);

    public async Task<RosterImportReport> ImportRosterAsync(string csv, string fileName = "roster.csv", bool complete = false)
    {
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        var response = await Http.PostAsync($"/api/officers/roster?fileName={fileName}&complete={complete}", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RosterImportReport>())!;
    }

    /// <summary>Publishes Sirene establishments as Ingestion.Insee would, and waits until the service knows them all.</summary>
    public async Task RegisterEstablishmentsAsync(params (string Siret, string Departement, string Region)[] establishments)
    {
        var records = establishments.Select(e => new EstablishmentRegistration(e.Siret, Siret.Parse(e.Siret), false, null, "25.62B", "NAFRev2",
            "12", null, null, null, null, null, null, e.Departement, e.Region, true, null, null, null)).ToList();
        await Bus.Publish(new EstablishmentRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "StockEtablissement.csv"), records));
        var sirets = records.Select(r => r.Siret).ToList();
        await Eventually.UntilAsync(async () =>
        {
            await using var db = Db();
            return await db.Establishments.CountAsync(e => sirets.Contains(e.Siret));
        }, n => n == sirets.Count, TimeSpan.FromSeconds(30), "the establishments to be stored");
    }

    public async Task RegisterCompanyAsync(string siren, string name, string sizeCategory = "PME")
    {
        var record = new CompanyRegistration(siren, Siren.Parse(siren), name, null, null, "5710", "25.62B", "NAFRev2", null, null, true, sizeCategory, "12", "00013");
        await Bus.Publish(new CompanyRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "StockUniteLegale.csv"), [record]));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = Db();
            return await db.Companies.CountAsync(c => c.Siren == Siren.Parse(siren));
        }, n => n == 1, TimeSpan.FromSeconds(30), "the company to be stored");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
        await Smtp.DisposeAsync();
        await _harness.StopAsync();
        _harness.Dispose();
        await Env.DisposeAsync();
    }
}
