using System.Text.Json;
using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Identifiers;

// Identifiers travel as plain strings so that messages stay readable in the broker and in logs.

public sealed class SirenJsonConverter : JsonConverter<Siren>
{
    public override Siren Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Siren.Parse(reader.GetString() ?? throw new JsonException("SIREN is null."));

    public override void Write(Utf8JsonWriter writer, Siren value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

public sealed class SiretJsonConverter : JsonConverter<Siret>
{
    public override Siret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Siret.Parse(reader.GetString() ?? throw new JsonException("SIRET is null."));

    public override void Write(Utf8JsonWriter writer, Siret value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.Parse(reader.GetString() ?? throw new JsonException("Month is null."));

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
