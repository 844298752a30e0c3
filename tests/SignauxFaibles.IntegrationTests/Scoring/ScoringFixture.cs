using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring;
using SignauxFaibles.ServiceDefaults.Persistence;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The scoring service on its own vhost and database, with the events it publishes collected as a notification service would receive them.</summary>
public class ScoringFixture : IAsyncLifetime
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<ScoringService> Service { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    /// <summary>The test's bus (<see cref="DownstreamBus"/>): publishes what other services would, watches what scoring publishes.</summary>
    public IBus Bus => _harness.Services.GetRequiredService<IBus>();

    private IHost _harness = null!;
    public ConcurrentQueue<RiskLevelChanged> LevelChanges { get; } = new();
    public ConcurrentQueue<RiskScored> Scores { get; } = new();

    /// <summary>Settings a derived fixture adds to the service's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        Service = Services.Scoring(Env, "scoring", Settings);
        Http = Service.CreateClient();
        _harness = await DownstreamBus.StartAsync(Env);
        var watch = Bus.ConnectReceiveEndpoint("test-scoring-watch", e =>
        {
            e.Handler<RiskLevelChanged>(c =>
            {
                LevelChanges.Enqueue(c.Message);
                return Task.CompletedTask;
            });
            e.Handler<RiskScored>(c =>
            {
                Scores.Enqueue(c.Message);
                return Task.CompletedTask;
            });
        });
        await watch.Ready;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
        await _harness.StopAsync();
        _harness.Dispose();
        await Env.DisposeAsync();
    }

    private readonly SemaphoreSlim _modelGate = new(1, 1);
    private string? _testModel;

    /// <summary>Registers and promotes <see cref="TestModels.Train"/>(1) once for the fixture; returns its version.</summary>
    public async Task<string> ActiveTestModelAsync()
    {
        await _modelGate.WaitAsync();
        try
        {
            if (_testModel is null)
            {
                var version = await RegisterAsync(TestModels.Train(1));
                await ActivateAsync(version);
                _testModel = version;
            }
            return _testModel;
        }
        finally
        {
            _modelGate.Release();
        }
    }

    public async Task<string> RegisterAsync(byte[] artifact)
    {
        using var content = new ByteArrayContent(artifact);
        var response = await Http.PostAsync("/api/models", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
    }

    /// <summary>Promotes (or rolls back with <paramref name="version"/> null) and waits until the rescore it queued has completed.</summary>
    public async Task ActivateAsync(string? version)
    {
        var response = await Http.PostAsync(version is null ? "/api/models/rollback" : $"/api/models/{version}/promote", null);
        response.EnsureSuccessStatusCode();
        var run = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rescore").GetInt64();
        await Eventually.UntilAsync(async () =>
                (await Http.GetFromJsonAsync<JsonElement>($"/api/scores/rescore/{run}")).GetProperty("status").GetString(),
            status => status is "Completed" or "Failed", TimeSpan.FromSeconds(60), $"rescore {run} to finish");
        var finished = await Http.GetFromJsonAsync<JsonElement>($"/api/scores/rescore/{run}");
        Assert.Equal("Completed", finished.GetProperty("status").GetString());
    }

    /// <summary>One company's month of indicators as the feature service announces it.</summary>
    public static CompanyIndicators Company(Siren siren, long revision, double debtMonths, string month = "2024-06", string departement = "21") =>
        new(siren, [new MonthlyIndicators(YearMonth.Parse(month),
                new Dictionary<string, double> { ["ratio_dette"] = debtMonths, ["effectif_ent"] = 25, ["ca"] = 1.2e6, ["perimetre"] = 1, ["en_procedure"] = 0 },
                new Dictionary<string, string> { ["departement"] = departement, ["region"] = "27", ["naf_section"] = "C", ["code_naf"] = "25.62B" })],
            revision);

    public ScoringDbContext Db() =>
        new((DbContextOptions<ScoringDbContext>)new DbContextOptionsBuilder<ScoringDbContext>()
            .UseServiceDatabase(Env.DatabaseConnectionString("scoring")).Options);

    public async Task<JsonElement> CompanyScoresAsync(Siren siren) =>
        await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{siren.Value}/scores");
}
