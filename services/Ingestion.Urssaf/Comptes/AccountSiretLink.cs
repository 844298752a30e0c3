using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>
/// One period during which an URSSAF account belonged to an establishment. Not a published event:
/// the service keeps the map in its own database to resolve the files that name only an account.
/// </summary>
/// <param name="RecordKey">Account, SIRET and start: a later delivery that closes the link restates the same key.</param>
/// <param name="AccountNumber">Compte: the URSSAF account.</param>
/// <param name="Siren">Company of the establishment.</param>
/// <param name="Siret">Establishment (pseudo-SIRETs kept).</param>
/// <param name="ValidFrom">Date_crea_siret: first day of the link; null when not delivered.</param>
/// <param name="ValidUntil">
/// Date_disp_siret: the day the SIRET stopped being the account's; null while the link holds. The
/// reference system maps a date to this SIRET only when it is strictly before, so the end is exclusive.
/// </param>
/// <param name="AccountState">Etat_compte as delivered.</param>
public sealed record AccountSiretLink(
    string RecordKey,
    string AccountNumber,
    Siren Siren,
    Siret Siret,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? AccountState) : ISourceRecord;
