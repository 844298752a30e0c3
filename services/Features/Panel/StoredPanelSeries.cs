using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// The stored panel of a company (<see cref="Siret"/> empty) or of one establishment: every month
/// in one value (<see cref="PanelSeriesCodec"/>), so a recomputation writes one row per series.
/// </summary>
public sealed class StoredPanelSeries
{
    public required string Siren { get; set; }
    public required string Siret { get; set; }
    public required byte[] Months { get; set; }

    /// <summary>The series' months, decoded with <paramref name="schema"/> (the company's or the establishments').</summary>
    public IEnumerable<StoredPanelMonth> Decode(PanelSchema schema) =>
        PanelSeriesCodec.Decode(Months, schema).Select(m => new StoredPanelMonth(Siren, Siret, m.Month, m.Values, m.Labels));

    public IEnumerable<StoredPanelMonth> Decode() => Decode(Siret.Length == 0 ? PanelSchema.Company : PanelSchema.Establishment);
}

/// <summary>One decoded month of a stored series: values in schema order (NaN = missing), labels likewise.</summary>
/// <param name="Month"><see cref="Contracts.Identifiers.YearMonth.Index"/> of the month.</param>
public sealed record StoredPanelMonth(string Siren, string Siret, int Month, double[] Values, string?[] Labels);

/// <summary>
/// A company whose facts changed since its panel was last computed. <see cref="Mark"/> counts the
/// changes; a refresher claims the company for a while and, done, removes it only if the counter
/// did not move meanwhile.
/// </summary>
public sealed class DirtyCompany
{
    public required string Siren { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
    public long Mark { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>W3C traceparent of the latest marking (the delivery that brought the facts), continued by the panel refresh.</summary>
    public string? TraceParent { get; set; }
}

/// <summary>Service-wide panel facts: the month the stored panel is "as of", the latest month contributions cover.</summary>
public sealed class PanelState
{
    public const string AsOf = "as_of";

    /// <summary>The latest month any delivered contribution covers (yyyy-MM); the panel ends there at the latest.</summary>
    public const string ContributionsThrough = "contributions_through";
    public required string Name { get; set; }
    public required string Value { get; set; }
}
