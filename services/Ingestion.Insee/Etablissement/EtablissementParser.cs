using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Insee.Conventions;
using SignauxFaibles.Ingestion.Insee.Geography;
using SignauxFaibles.Ingestion.Parsing;
using L = SignauxFaibles.Ingestion.Insee.Etablissement.EtablissementLayout;

namespace SignauxFaibles.Ingestion.Insee.Etablissement;

/// <summary>
/// The Sirene establishment stock, geocoded or not: one <see cref="EstablishmentRegistration"/>
/// per establishment, with its département and région derived from the commune code.
/// </summary>
public sealed class EtablissementParser : SireneParser
{
    protected override IReadOnlyList<string> RequiredColumns => L.Required;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(L.Siren, SireneFields.Siren, SireneFields.SirenReason);
        var nic = cursor.ParseObject(L.Nic, SireneFields.Nic, SireneFields.NicReason);
        var createdOn = cursor.OptionalValue(L.CreatedOn, SireneFields.Date, SireneFields.DateReason);
        var headOffice = cursor.Parse(L.HeadOffice, SireneFields.Boolean, SireneFields.BooleanReason);
        var active = cursor.Parse(L.State, SireneFields.EstablishmentState, "not an establishment state (A, F)");
        var since = cursor.OptionalValue(L.StateSince, SireneFields.Date, SireneFields.DateReason);
        var commune = cursor.Optional(L.CommuneCode);
        var location = new Location(null, null);
        // Abroad the commune is empty and the country is given instead: no département, no reject.
        if (commune is not null)
        {
            if (Departements.Locate(commune) is { } found) location = found;
            else cursor.Fail(L.CommuneCode, commune, "not an INSEE commune code (COG)");
        }
        var longitude = cursor.OptionalValue(L.Longitude, SireneFields.Longitude, SireneFields.LongitudeReason);
        var latitude = cursor.OptionalValue(L.Latitude, SireneFields.Latitude, SireneFields.LatitudeReason);
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        // The SIRET is built from SIREN and NIC, which it merely repeats: the stock's siret column adds nothing to check.
        var siret = Siret.Parse(siren.Value + nic);
        var streetType = cursor.Optional(L.StreetType);
        return ParsedLine.Accepted(line, new EstablishmentRegistration(
            siret.Value, siret, headOffice, createdOn,
            cursor.Optional(L.ActivityCode), cursor.Optional(L.ActivityNomenclature), cursor.Optional(L.HeadcountBand),
            cursor.Optional(L.StreetNumber), streetType is null ? null : StreetTypes.SpellOut(streetType), cursor.Optional(L.StreetName),
            cursor.Optional(L.PostCode), cursor.Optional(L.CommuneName), commune, location.Departement, location.Region,
            active, since, latitude, longitude));
    }
}
