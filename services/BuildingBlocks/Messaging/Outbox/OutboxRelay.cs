using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SignauxFaibles.Messaging.Inbox;

namespace SignauxFaibles.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows with publisher confirms, then deletes them. One relay per
/// database is active at a time (PostgreSQL advisory lock), which keeps per-partition order
/// when several instances of a service run. A crash between publish and delete republishes
/// with the same MessageId, which the consumers' inbox recognises. A row that keeps failing while
/// the broker is up is parked (<see cref="OutboxParking"/>) and the rows behind it go on.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    OutboxParking parking,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private const long LeaderLockKey = 0x5346_4F42; // "SFOB": one relay per database
    private readonly OutboxRelayOptions _options = options.Value;
    private DateTimeOffset _nextInboxCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var leaderConnection = await OpenConnectionAsync(stoppingToken);
                if (!await TryTakeLeadershipAsync(leaderConnection, stoppingToken))
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                    continue;
                }
                LogLeader(typeof(TDbContext).Name);
                await RelayWhileLeaderAsync(leaderConnection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRelayFailed(ex, typeof(TDbContext).Name);
                try
                {
                    await Task.Delay(_options.ErrorDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task RelayWhileLeaderAsync(NpgsqlConnection leaderConnection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            // The lock lives as long as its connection: check it before each round.
            await using (var ping = new NpgsqlCommand("SELECT 1", leaderConnection))
            {
                await ping.ExecuteScalarAsync(ct);
            }
            int published;
            try
            {
                await CleanInboxIfDueAsync(ct);
                published = await RelayOneBatchAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A broker hiccup does not give up leadership: wait, then retry the pending rows.
                LogRelayFailed(ex, typeof(TDbContext).Name);
                await Task.Delay(_options.ErrorDelay, ct);
                continue;
            }
            if (published < _options.BatchSize) await signal.WaitAsync(_options.PollInterval, ct);
        }
    }

    /// <summary>Publishes the oldest pending rows; returns how many were delivered.</summary>
    private async Task<int> RelayOneBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ParkedAt == null)
            .OrderBy(m => m.Id).Take(_options.BatchSize).ToListAsync(ct);
        if (rows.Count == 0) return 0;

        var delivered = new ConcurrentBag<long>();
        var failures = new ConcurrentQueue<(OutboxMessage Row, Exception Error)>();
        try
        {
            // Rows without a key need no order: each is its own partition. A failing partition
            // stops at its failed row (order) but does not hold the others back.
            var partitions = rows.GroupBy(r => r.PartitionKey ?? $"#{r.Id}");
            await Parallel.ForEachAsync(
                partitions,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentPublishes, CancellationToken = ct },
                async (partition, token) =>
                {
                    foreach (var row in partition)
                    {
                        try
                        {
                            await PublishAsync(row, token);
                            delivered.Add(row.Id);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            failures.Enqueue((row, ex));
                            return;
                        }
                    }
                });
        }
        finally
        {
            if (!delivered.IsEmpty)
            {
                var ids = delivered.ToArray();
                await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(CancellationToken.None);
                MessagingMetrics.OutboxPublished.Add(ids.Length);
            }
        }
        if (!failures.IsEmpty)
        {
            await parking.RecordAsync(db, [.. failures], BrokerReachable(), ct);
            throw new AggregateException($"{failures.Count} outbox partition(s) could not be published; they are retried.", failures.Select(f => f.Error));
        }
        return delivered.Count;
    }

    /// <summary>
    /// Whether the bus is connected: a failure while it is counts against the row (its type, its
    /// size), a failure during a broker outage does not, so an outage never parks good rows.
    /// </summary>
    private bool BrokerReachable() =>
        bus is not IBusControl control || control.CheckHealth().Status is BusHealthStatus.Healthy or BusHealthStatus.Degraded;

    private async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity("outbox relay", ActivityKind.Producer, parent);
        var type = MessageTypes.Resolve(row.MessageType);
        // MassTransit routes by the message's type; the object itself is never read, because the
        // serializer set below writes the stored body instead. An empty instance carries the type.
        var carrier = RuntimeHelpers.GetUninitializedObject(type);
        var serializer = new StoredJsonSerializer(row.Body);
        // Publisher confirms are on (MassTransit's default on RabbitMQ): this returns once the broker has the message.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(carrier, type, Pipe.Execute<PublishContext>(ctx =>
            {
                ctx.MessageId = row.MessageId;
                ctx.Serializer = serializer;
            }), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm outbox message {row.MessageId} within {_options.PublishTimeout}.");
        }
    }

    private async Task CleanInboxIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextInboxCleanup) return;
        _nextInboxCleanup = now.AddHours(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var before = now - _options.InboxRetention;
        await db.Set<InboxMessage>().Where(m => m.HandledAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // Unpooled: the advisory lock belongs to the session, and a pooled connection would go back
        // to the pool still holding it, so no relay could ever take over.
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, ApplicationName = "outbox-relay" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<bool> TryTakeLeadershipAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LeaderLockKey);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay of {Context} is the active relay")]
    private partial void LogLeader(string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay of {Context} failed; retrying")]
    private partial void LogRelayFailed(Exception exception, string context);
}
