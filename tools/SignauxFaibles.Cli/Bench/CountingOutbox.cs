using System.Text.Json;
using System.Collections.Concurrent;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Cli.Bench;

/// <summary>An outbox that counts what would be published (messages and records per message type) and keeps nothing.</summary>
internal sealed class CountingOutbox : IOutbox
{
    private readonly ConcurrentDictionary<string, long> _records = new();

    public void Publish<T>(T message, string? partitionKey = null, string? group = null)
        where T : class
    {
        var count = message is ISourceChunk<ISourceRecord> chunk ? chunk.Records.Count : 1;
        _records.AddOrUpdate(message.GetType().Name, count, (_, n) => n + count);
    }

    public void PublishSerialized(Type messageType, byte[] utf8Json, string? partitionKey = null, string? group = null)
    {
        using var body = JsonDocument.Parse(utf8Json);
        var count = body.RootElement.TryGetProperty("records", out var records) ? records.GetArrayLength() : 1;
        _records.AddOrUpdate(messageType.Name, count, (_, n) => n + count);
    }

    public Task PublishManyAsync<T>(IReadOnlyCollection<(T Message, string? PartitionKey)> messages, CancellationToken ct)
        where T : class
    {
        foreach (var (message, partitionKey) in messages) Publish(message, partitionKey);
        return Task.CompletedTask;
    }

    public long Records(string messageType) => _records.GetValueOrDefault(messageType);

    public void Reset() => _records.Clear();
}
