using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace SignauxFaibles.Messaging.Outbox;

internal sealed class EfOutbox<TDbContext>(TDbContext db, TimeProvider clock) : IOutbox
    where TDbContext : DbContext
{
    public void Publish<T>(T message, string? partitionKey = null, string? group = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        PublishSerialized(message.GetType(), JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), MessageTypes.JsonOptions), partitionKey, group);
    }

    public void PublishSerialized(Type messageType, byte[] utf8Json, string? partitionKey = null, string? group = null)
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = MessageTypes.NameOf(messageType),
            Body = utf8Json,
            PartitionKey = partitionKey,
            Group = group,
            TraceParent = Activity.Current?.Id,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    public async Task PublishManyAsync<T>(IReadOnlyCollection<(T Message, string? PartitionKey)> messages, CancellationToken ct)
        where T : class
    {
        if (messages.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("PublishManyAsync writes at once: begin the transaction of the changes these messages announce first.");
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var traceParent = Activity.Current?.Id;
        var now = clock.GetUtcNow();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {MessagingModel.Schema}.outbox_messages (message_id, message_type, body, partition_key, trace_parent, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (message, partitionKey) in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(NewId.NextGuid(), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(MessageTypes.NameOf(message.GetType()), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), MessageTypes.JsonOptions), NpgsqlDbType.Bytea, ct);
            await WriteNullableAsync(copy, partitionKey, ct);
            await WriteNullableAsync(copy, traceParent, ct);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
