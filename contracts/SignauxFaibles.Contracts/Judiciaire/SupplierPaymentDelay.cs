using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>Supplier payment behaviour of a company at a date.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="ValueDate">Date the measure applies to.</param>
/// <param name="Days">Average payment delay beyond terms, days.</param>
/// <param name="ShareOver30Days">Share of payments more than 30 days late, 0-1.</param>
/// <param name="ShareOver90Days">Share of payments more than 90 days late, 0-1.</param>
public sealed record SupplierPaymentDelay(
    string RecordKey,
    Siren Siren,
    DateOnly ValueDate,
    decimal Days,
    decimal? ShareOver30Days,
    decimal? ShareOver90Days) : ISourceRecord;
