using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Messaging.Redelivery;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// A consumer whose database is unreachable for 30 s, far longer than its immediate retries (~9 s),
/// loses nothing to the error queue: the failing messages wait in the broker (delayed redelivery)
/// and every entry is applied exactly once when the database is back.
/// </summary>
public sealed class ConsumerOutageTests(IntegrationEnvironment env, ITestOutputHelper output) : IClassFixture<IntegrationEnvironment>
{
    private const int Entries = 40;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_consumer_whose_database_is_down_for_30_seconds_loses_nothing_to_the_error_queue()
    {
        // Short delays keep the test short; the defaults (1, 5, 15 min) cover longer outages the same way.
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<LedgerEntryPostedConsumer, LedgerEntryPostedConsumerDefinition>(),
            settings: new Dictionary<string, string?>
            {
                ["Messaging:Redelivery:Delays:0"] = "00:00:05",
                ["Messaging:Redelivery:Delays:1"] = "00:00:10",
                ["Messaging:Redelivery:Delays:2"] = "00:00:20",
            });
        using var producer = await LedgerHost.StartAsync(env, "producer");
        var database = new NpgsqlConnectionStringBuilder(env.DatabaseConnectionString("consumer")).Database!;

        var clock = Stopwatch.StartNew();
        await SetConnectionsAllowedAsync(database, false);
        await using (var scope = producer.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 1; i <= Entries; i++) outbox.Publish(new LedgerEntryPosted(i % 4, i));
            await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().SaveChangesAsync();
        }
        // The outage only counts once messages have given up their immediate retries and gone to wait.
        var waiting = WaitingQueue.NameOf("ledger-ledger-entry-posted", TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => env.Management.QueueExistsAsync(env.VirtualHost, waiting), exists => exists, TimeSpan.FromSeconds(60),
            "failed messages sent to the 5 s waiting queue");
        await Eventually.UntilAsync(() => Task.FromResult(clock.Elapsed), elapsed => elapsed >= Outage, Outage + TimeSpan.FromSeconds(5), "30 s of outage");
        await SetConnectionsAllowedAsync(database, true);
        output.WriteLine($"database back after {clock.Elapsed.TotalSeconds:F0} s");

        await Eventually.UntilAsync(() => TotalsAsync(consumer.Services), t => t.Count == Entries, TimeSpan.FromSeconds(120), $"{Entries} entries applied");
        var (count, total) = await TotalsAsync(consumer.Services);
        Assert.Equal((Entries, Entries * (Entries + 1) / 2L), (count, total));
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, "ledger-ledger-entry-posted_error"));
        // Sent to wait, not also dropped as unconsumed.
        Assert.False(await env.Management.QueueExistsAsync(env.VirtualHost, "ledger-ledger-entry-posted_skipped"));
        output.WriteLine($"all applied after {clock.Elapsed.TotalSeconds:F0} s");
    }

    // Down for this consumer only: the cut sf ops chaos makes (db-cut).
    private Task SetConnectionsAllowedAsync(string database, bool allowed) =>
        SignauxFaibles.Cli.Chaos.DatabaseCut.SetAllowedAsync(env.Servers.Postgres, database, allowed, CancellationToken.None);

    private static async Task<(int Count, long Total)> TotalsAsync(IServiceProvider services)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Accounts.AsNoTracking().ToListAsync();
            return (accounts.Sum(a => a.Count), accounts.Sum(a => a.Total));
        }
        catch (NpgsqlException)
        {
            return (-1, -1);
        }
    }
}
