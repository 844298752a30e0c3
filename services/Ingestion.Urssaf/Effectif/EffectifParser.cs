using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Effectif;

/// <summary>
/// The establishment headcount file, wide: each non-empty month cell of a line is one
/// <see cref="EstablishmentHeadcount"/>. A pseudo-SIRET (temporary work) is kept like any SIRET;
/// <see cref="Siret.IsPseudo"/> flags it.
/// </summary>
public sealed class EffectifParser : WideHeadcountParser
{
    protected override IReadOnlyList<string> RequiredColumns => EffectifLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => EffectifLayout.Current;

    protected override Func<YearMonth, int, ISourceRecord>? ReadIdentity(FieldCursor cursor)
    {
        if (cursor.Required(EffectifLayout.Siret) is null) return null;
        var siret = cursor.Parse(EffectifLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        if (cursor.Reject is not null) return null;
        // One fact per establishment and month: a later line for the same pair restates it.
        return (month, headcount) => new EstablishmentHeadcount($"effectif:{siret.Value}:{month}", siret, month, headcount);
    }
}
