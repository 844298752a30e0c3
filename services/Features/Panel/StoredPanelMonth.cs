namespace SignauxFaibles.Features.Panel;

/// <summary>One stored panel row: a company's (<see cref="Siret"/> empty) or an establishment's month.</summary>
public sealed class StoredPanelMonth
{
    public required string Siren { get; set; }
    public required string Siret { get; set; }
    /// <summary><see cref="Contracts.Identifiers.YearMonth.Index"/> of the month.</summary>
    public int Month { get; set; }
    /// <summary>The values in schema order, as encoded by <see cref="PanelValuesCodec"/>.</summary>
    public required byte[] Values { get; set; }
    public required string?[] Labels { get; set; }
}

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
}

/// <summary>Service-wide panel facts, e.g. the month the stored panel is "as of".</summary>
public sealed class PanelState
{
    public const string AsOf = "as_of";
    public required string Name { get; set; }
    public required string Value { get; set; }
}
