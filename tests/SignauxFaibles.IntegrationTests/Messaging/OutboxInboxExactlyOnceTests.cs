using MassTransit;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>
/// 10,000 messages go producer database → outbox relay → RabbitMQ → idempotent consumer, while
/// the broker cuts every connection once and the relay is killed half-way (its database sessions
/// terminated, its host cancelled) and restarted. Every effect must exist exactly once.
/// </summary>
public sealed class OutboxInboxExactlyOnceTests(IntegrationEnvironment env, ITestOutputHelper output) : IClassFixture<IntegrationEnvironment>
{
    private const int MessageCount = 10_000;
    private const int AccountCount = 100;

    [Fact]
    public async Task Every_message_has_its_effect_exactly_once_despite_a_relay_crash_and_a_broker_cut()
    {
        var clock = Stopwatch.StartNew();
        using var consumer = await LedgerHost.StartAsync(env, "consumer", bus => bus.AddConsumer<LedgerEntryPostedConsumer, LedgerEntryPostedConsumerDefinition>());
        var deliveries = new ConsumeCounter();
        consumer.Services.GetRequiredService<IBus>().ConnectConsumeObserver(deliveries);
        var producer = await LedgerHost.StartAsync(env, "producer");
        await WriteOutboxAsync(producer.Services);
        output.WriteLine($"{MessageCount} outbox rows written after {clock.ElapsedMilliseconds} ms");

        var cutDone = false;
        int? countAtKill = null;
        var handled = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            handled = await HandledCountAsync(consumer.Services);
            if (!cutDone && handled >= MessageCount / 5)
            {
                var closed = await env.Management.CloseConnectionsAsync(env.VirtualHost);
                output.WriteLine($"broker connections cut ({closed}) at {handled} handled, {clock.ElapsedMilliseconds} ms");
                Assert.True(closed > 0, "the test must actually cut broker connections");
                cutDone = true;
            }
            if (cutDone && countAtKill is null && handled >= MessageCount / 2)
            {
                countAtKill = handled;
                await KillAsync(producer, env.DatabaseConnectionString("producer"));
                producer = await LedgerHost.StartAsync(env, "producer");
                output.WriteLine($"relay killed and restarted at {handled} handled, {clock.ElapsedMilliseconds} ms");
            }
            var pending = await PendingOutboxAsync(producer.Services);
            if (handled >= MessageCount && pending == 0) break;
            if (clock.ElapsedMilliseconds / 5000 != (clock.ElapsedMilliseconds - 50) / 5000)
            {
                output.WriteLine($"{clock.ElapsedMilliseconds} ms: {handled} handled, {pending} pending in the outbox");
            }
            await Task.Delay(50);
        }

        // Give any late redelivery the chance to (wrongly) apply a second time before checking.
        await Task.Delay(TimeSpan.FromSeconds(3));
        output.WriteLine($"done after {clock.ElapsedMilliseconds} ms; {deliveries.Count} deliveries, "
            + $"{deliveries.Count - MessageCount} of them redeliveries or republications recognised by the inbox");

        Assert.True(countAtKill is > 0 and < MessageCount, $"the relay must be killed mid-flight (at {countAtKill})");
        await using var scope = consumer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(MessageCount, accounts.Sum(a => a.Count));
        Assert.Equal((long)MessageCount * (MessageCount + 1) / 2, accounts.Sum(a => a.Total));
        Assert.Equal(AccountCount, accounts.Count);
        foreach (var account in accounts)
        {
            var amounts = Enumerable.Range(1, MessageCount).Where(i => i % AccountCount == account.Id).Select(i => (long)i).ToList();
            Assert.Equal((amounts.Count, amounts.Sum()), (account.Count, account.Total));
        }
        Assert.Equal(MessageCount, await db.Set<InboxMessage>().CountAsync());
        Assert.Equal(0, await PendingOutboxAsync(producer.Services));
        Assert.Equal(0, await env.Management.QueueDepthAsync(env.VirtualHost, "ledger-ledger-entry-posted_error"));

        await producer.StopAsync();
        producer.Dispose();
    }

    private static async Task WriteOutboxAsync(IServiceProvider services)
    {
        const int perTransaction = 500;
        for (var start = 1; start <= MessageCount; start += perTransaction)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = start; i < start + perTransaction; i++)
            {
                var account = i % AccountCount;
                outbox.Publish(new LedgerEntryPosted(account, i), account.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
    }

    /// <summary>As close to a crash as one process allows: the relay's database sessions die first, so it cannot record what it published.</summary>
    private static async Task KillAsync(IHost producer, string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("db", database!);
            await kill.ExecuteScalarAsync();
        }
        await producer.StopAsync(new CancellationToken(canceled: true));
        producer.Dispose();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<int> HandledCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Set<InboxMessage>().CountAsync();
    }

    private static async Task<int> PendingOutboxAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return await db.Set<OutboxMessage>().CountAsync();
    }
}
