using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Insee.Conventions;
using SignauxFaibles.Ingestion.Parsing;
using L = SignauxFaibles.Ingestion.Insee.Historique.HistoriqueLayout;

namespace SignauxFaibles.Ingestion.Insee.Historique;

/// <summary>The Sirene establishment history: one <see cref="EstablishmentPeriod"/> per period of an establishment.</summary>
public sealed class HistoriqueParser : SireneParser
{
    protected override IReadOnlyList<string> RequiredColumns => L.Required;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(L.Siren, SireneFields.Siren, SireneFields.SirenReason);
        var nic = cursor.ParseObject(L.Nic, SireneFields.Nic, SireneFields.NicReason);
        var from = cursor.OptionalValue(L.From, SireneFields.Date, SireneFields.DateReason);
        var until = cursor.OptionalValue(L.Until, SireneFields.Date, SireneFields.DateReason);
        var active = cursor.Parse(L.State, SireneFields.EstablishmentState, "not an establishment state (A, F)");
        var employer = cursor.OptionalValue(L.Employer, SireneFields.YesNo, "not an employer flag (O, N)");
        if (from is { } start && until is { } end && end < start) cursor.Fail(L.Until, fields[columns[L.Until]], "ends before it starts");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        var siret = Siret.Parse(siren.Value + nic);
        // A period is the establishment and its start: a later delivery that corrects it keeps the key.
        var key = $"{siret.Value}:{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return ParsedLine.Accepted(line, new EstablishmentPeriod(
            key, siret, from, until, active, cursor.Optional(L.ActivityCode), cursor.Optional(L.ActivityNomenclature), employer));
    }
}
