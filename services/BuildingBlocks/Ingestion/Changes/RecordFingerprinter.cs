using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Changes;

/// <summary>
/// A 64-bit hash (XXH3) of a record's content as published (its JSON), so any field that reaches
/// consumers also decides whether the record changed. Not thread-safe: one per batch.
/// </summary>
public sealed class RecordFingerprinter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public RecordFingerprinter() => _writer = new Utf8JsonWriter(_buffer);

    public long Fingerprint(ISourceRecord record)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, record, record.GetType(), Json);
        _writer.Flush();
        return unchecked((long)XxHash3.HashToUInt64(_buffer.WrittenSpan));
    }
}
