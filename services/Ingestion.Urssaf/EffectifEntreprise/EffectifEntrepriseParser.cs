using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.EffectifEntreprise;

/// <summary>The company headcount file, wide: each non-empty month cell of a line is one <see cref="CompanyHeadcount"/>.</summary>
public sealed class EffectifEntrepriseParser : WideHeadcountParser
{
    protected override IReadOnlyList<string> RequiredColumns => EffectifEntrepriseLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => EffectifEntrepriseLayout.Current;

    protected override Func<YearMonth, int, ISourceRecord>? ReadIdentity(FieldCursor cursor)
    {
        if (cursor.Required(EffectifEntrepriseLayout.Siren) is null) return null;
        var siren = cursor.Parse(EffectifEntrepriseLayout.Siren, UrssafFields.Siren, "not a SIREN (9 digits)");
        if (cursor.Reject is not null) return null;
        return (month, headcount) => new CompanyHeadcount($"effectif-entreprise:{siren.Value}:{month}", siren, month, headcount);
    }
}
