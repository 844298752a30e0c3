using System.Text.Json;

namespace SignauxFaibles.Ingestion.Batches;

/// <summary>Lines rejected (or warned about) beyond the stored ones, by reason.</summary>
public sealed record IssueCount(string Kind, string Reason, long Lines)
{
    public const string Reject = "reject";
    public const string Warning = "warning";

    /// <summary>Distinct reasons counted apart; the rest are summed under one.</summary>
    public const int MaxReasons = 50;

    public const string OtherReasons = "(other reasons)";

    public static IReadOnlyList<IssueCount>? Read(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<List<IssueCount>>(json, JsonSerializerOptions.Web);

    public static string? Write(IReadOnlyDictionary<(string Kind, string Reason), long> counts) =>
        counts.Count == 0 ? null : JsonSerializer.Serialize(
            counts.OrderBy(c => c.Key.Kind, StringComparer.Ordinal).ThenByDescending(c => c.Value)
                .Select(c => new IssueCount(c.Key.Kind, c.Key.Reason, c.Value)).ToList(), JsonSerializerOptions.Web);
}
