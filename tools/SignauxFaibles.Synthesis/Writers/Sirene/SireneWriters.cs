using System.Text;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Population;

namespace SignauxFaibles.Synthesis.Writers.Sirene;

/// <summary>Fills a row by column name, so that long open-data layouts stay readable; unnamed columns stay empty.</summary>
internal sealed class NamedRow(string header)
{
    private readonly Dictionary<string, int> _columns = header.Split(',').Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
    private readonly string[] _values = new string[header.Split(',').Length];

    public string Header => header;

    public NamedRow Set(string column, string value)
    {
        if (!_columns.TryGetValue(column, out var i)) throw new ArgumentException($"no column {column}", nameof(column));
        _values[i] = value;
        return this;
    }

    public void WriteTo(DeliveryFile file)
    {
        file.Out.Write(string.Join(',', _values.Select(v => v ?? "")));
        file.EndRow();
        Array.Clear(_values);
    }
}

/// <summary>
/// INSEE Sirene establishment stock (StockEtablissement_utf8_geo), as it stands at the window's
/// end: closed establishments of ceased companies stay in it with state F. Geocoding columns are
/// left empty, as they are for establishments the geocoder could not place.
/// </summary>
public sealed class EtablissementStockWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,longitude,latitude,geo_score,geo_type,geo_adresse,geo_id,geo_ligne,geo_l4,geo_l5";

    private readonly DeliveryFile _file = folder.Create("sirene/StockEtablissement_utf8_geo.csv", Header, new UTF8Encoding(false));
    private readonly NamedRow _row = new(Header);

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        var last = life.LastMonth - options.From;
        for (var e = 0; e < company.Establishments.Count; e++)
        {
            var est = company.Establishments[e];
            if (!life.Opened(est, options.To)) continue;
            var closed = life.ClosedOn;
            var headcount = Math.Max(0, life.Headcount[e][last]);
            _row.Set("siren", company.Siren).Set("nic", est.Nic).Set("siret", est.Siret).Set("statutDiffusionEtablissement", "O")
                .Set("dateCreationEtablissement", Formats.Iso(est.CreatedOn))
                .Set("trancheEffectifsEtablissement", closed is null ? SizeBands.SireneCode(headcount) : "")
                .Set("anneeEffectifsEtablissement", closed is null ? (options.To.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")
                .Set("dateDernierTraitementEtablissement", $"{Formats.Iso(options.To.LastDay)}T02:00:00")
                .Set("etablissementSiege", est.HeadOffice ? "true" : "false")
                .Set("nombrePeriodesEtablissement", closed is null ? "1" : "2")
                .Set("numeroVoieEtablissement", est.StreetNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set("typeVoieEtablissement", "RUE").Set("libelleVoieEtablissement", est.Street)
                .Set("codePostalEtablissement", est.PostCode).Set("libelleCommuneEtablissement", "COMMUNE " + est.Commune)
                .Set("codeCommuneEtablissement", est.Commune)
                .Set("dateDebut", Formats.Iso(closed ?? est.CreatedOn)).Set("etatAdministratifEtablissement", closed is null ? "A" : "F")
                .Set("activitePrincipaleEtablissement", company.Naf).Set("nomenclatureActivitePrincipaleEtablissement", "NAFRev2")
                .Set("caractereEmployeurEtablissement", closed is null ? "O" : "N")
                .WriteTo(_file);
        }
    }
}

/// <summary>INSEE Sirene legal-unit stock (StockUniteLegale_utf8) at the window's end; ceased units have state C.</summary>
public sealed class UniteLegaleStockWriter(DeliveryFolder folder, SynthesisOptions options) : ISourceWriter
{
    public const string Header = "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,activitePrincipaleNAF25UniteLegale,nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,caractereEmployeurUniteLegale";

    private readonly DeliveryFile _file = folder.Create("sirene/StockUniteLegale_utf8.csv", Header, new UTF8Encoding(false));
    private readonly NamedRow _row = new(Header);

    public void Write(CompanyLife life)
    {
        var company = life.Company;
        var closed = life.ClosedOn;
        var headcount = Math.Max(0, life.CompanyHeadcount(life.LastMonth - options.From));
        var year = (options.To.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _row.Set("siren", company.Siren).Set("statutDiffusionUniteLegale", "O").Set("dateCreationUniteLegale", Formats.Iso(company.CreatedOn))
            .Set("trancheEffectifsUniteLegale", closed is null ? SizeBands.SireneCode(headcount) : "")
            .Set("anneeEffectifsUniteLegale", closed is null ? year : "")
            .Set("dateDernierTraitementUniteLegale", $"{Formats.Iso(options.To.LastDay)}T02:00:00")
            .Set("nombrePeriodesUniteLegale", closed is null ? "1" : "2")
            .Set("categorieEntreprise", headcount >= 5000 ? "GE" : headcount >= 250 ? "ETI" : "PME").Set("anneeCategorieEntreprise", year)
            .Set("dateDebut", Formats.Iso(closed ?? company.CreatedOn)).Set("etatAdministratifUniteLegale", closed is null ? "A" : "C")
            .Set("denominationUniteLegale", company.Name).Set("categorieJuridiqueUniteLegale", company.LegalCategory)
            .Set("activitePrincipaleUniteLegale", company.Naf).Set("nomenclatureActivitePrincipaleUniteLegale", "NAFRev2")
            .Set("nicSiegeUniteLegale", company.HeadOffice.Nic).Set("economieSocialeSolidaireUniteLegale", "N")
            .Set("caractereEmployeurUniteLegale", closed is null ? "O" : "N")
            .WriteTo(_file);
    }
}
