using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Periods of establishments' history seen for the first time or corrected since last delivered.</summary>
public sealed record EstablishmentPeriodsRecorded(RecordProvenance Provenance, IReadOnlyList<EstablishmentPeriod> Records)
    : ISourceChunk<EstablishmentPeriod>;
