using System.Net;
using System.Runtime.InteropServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Features;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.WalkingSkeleton;

/// <summary>
/// Two Features instances competing on one queue must build the same panel as one instance:
/// the same shuffled file, in small chunks, goes through each set-up on its own environment.
/// </summary>
public sealed class CompetingFeaturesConsumersTests(ITestOutputHelper output)
{
    private const int Companies = 300;
    private const int ChunkSize = 20;

    [Fact]
    public async Task Two_instances_produce_the_same_totals_as_one()
    {
        var file = SyntheticDebitFile.Generate(Companies, seed: 2026);
        output.WriteLine($"{file.Lines} debt steps of {Companies} companies, chunks of {ChunkSize}");

        var (single, singleCounts) = await RunAsync(file, instances: 1);
        var (pair, pairCounts) = await RunAsync(file, instances: 2);
        output.WriteLine($"one instance consumed {string.Join(", ", singleCounts)}; two instances consumed {string.Join(", ", pairCounts)}");

        Assert.All(pairCounts, c => Assert.True(c > 0, "both instances must have taken part"));
        Assert.Equal(single.Count, pair.Count);
        Assert.Equal(single, pair);

        // Independently of the Features code: at the panel's last month every step counts.
        var lastMonths = single.Where(r => r.Siret.Length == 0 && r.Month == LastMonth.Index).ToDictionary(r => r.Siren);
        Assert.Equal(Companies, lastMonths.Count);
        foreach (var (siren, want) in file.FinalDebt)
        {
            var values = MemoryMarshal.Cast<byte, double>(Convert.FromHexString(lastMonths[siren].Values));
            Assert.Equal((double)want.Item1, values[PanelSchema.Company.IndexOf("montant_part_ouvriere")]);
            Assert.Equal((double)want.Item2, values[PanelSchema.Company.IndexOf("montant_part_patronale")]);
        }
    }

    private static readonly YearMonth LastMonth = new(2020, 12);

    private async Task<(List<(string Siren, string Siret, int Month, string Values)> Rows, int[] Counts)> RunAsync(SyntheticDebitFile file, int instances)
    {
        await using var env = new AsyncDisposableEnvironment(await IntegrationEnvironment.CreateAsync());
        var features = Enumerable.Range(0, instances).Select(_ => Services.Features(env.Value, "features", "2019-01", LastMonth.ToString())).ToList();
        var counters = features.Select(f =>
        {
            var counter = new ConsumeCounter();
            f.Services.GetRequiredService<IBus>().ConnectConsumeObserver(counter);
            return counter;
        }).ToList();
        await using var ingestion = Services.IngestionUrssaf(env.Value, "ingestion", ChunkSize);
        try
        {
            var response = await ingestion.CreateClient().PostAsync("/api/files/urssaf-debit?wait=true&fileName=synthetic.csv", new StringContent(file.Content));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

            await Eventually.UntilAsync(
                () => Db.QueryAsync<FeaturesDbContext, int>(features[0].Services, db => db.Facts.CountAsync()),
                n => n == file.Lines, TimeSpan.FromSeconds(120), $"{file.Lines} debt steps stored");
            // Then every consumer transaction has committed: wait for the chunks' queue to be empty
            // and for every marked company to be recomputed.
            await Eventually.UntilAsync(() => env.Value.Management.QueueDepthAsync(env.Value.VirtualHost, "features-contribution-debt-recorded"),
                n => n == 0, TimeSpan.FromSeconds(60), "queue drained");
            Assert.Equal(0, await env.Value.Management.QueueDepthAsync(env.Value.VirtualHost, "features-contribution-debt-recorded_error"));
            await Eventually.UntilAsync(() => Db.QueryAsync<FeaturesDbContext, int>(features[0].Services, db => db.DirtyCompanies.CountAsync()),
                n => n == 0, TimeSpan.FromSeconds(120), "panel recomputed");

            var rows = await Db.QueryAsync<FeaturesDbContext, List<(string, string, int, string)>>(features[0].Services, async db =>
                (await PanelStore.MonthsAsync(db, null, default))
                    .Select(r => (r.Siren, r.Siret, r.Month, Convert.ToHexString(MemoryMarshal.AsBytes(r.Values.AsSpan()))))
                    .OrderBy(r => r.Item1).ThenBy(r => r.Item2).ThenBy(r => r.Item3).ToList());
            return (rows, counters.Select(c => c.Count).ToArray());
        }
        finally
        {
            foreach (var f in features) await f.DisposeAsync();
        }
    }

    private sealed class AsyncDisposableEnvironment(IntegrationEnvironment value) : IAsyncDisposable
    {
        public IntegrationEnvironment Value { get; } = value;

        public async ValueTask DisposeAsync() => await Value.DisposeAsync();
    }
}
