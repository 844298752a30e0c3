using System.Globalization;
using System.IO.Compression;
using System.Text;
using SignauxFaibles.Nomenclatures.Geography;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// A gzipped establishment stock of the geocoded layout with plausible rows, for benchmarks.
/// Rows whose index is a multiple of <c>changeEvery</c> get the other administrative state, so a
/// second file differs from the first in exactly those rows.
/// </summary>
internal static class SyntheticSireneStock
{
    public const string Header = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,longitude,latitude,geo_score,geo_type,geo_adresse,geo_id,geo_ligne,geo_l4,geo_l5";

    public static async Task WriteAsync(string path, int rows, int changeEvery = 0)
    {
        var columns = Header.Split(',');
        int Col(string name) => Array.IndexOf(columns, name);
        int siren = Col("siren"), nic = Col("nic"), siret = Col("siret"), created = Col("dateCreationEtablissement"), band = Col("trancheEffectifsEtablissement"),
            siege = Col("etablissementSiege"), number = Col("numeroVoieEtablissement"), type = Col("typeVoieEtablissement"), street = Col("libelleVoieEtablissement"),
            post = Col("codePostalEtablissement"), communeName = Col("libelleCommuneEtablissement"), commune = Col("codeCommuneEtablissement"),
            since = Col("dateDebut"), state = Col("etatAdministratifEtablissement"), activity = Col("activitePrincipaleEtablissement"),
            nomenclature = Col("nomenclatureActivitePrincipaleEtablissement"), longitude = Col("longitude"), latitude = Col("latitude");
        var departements = Cog.Departements.Keys.Order(StringComparer.Ordinal).ToArray();
        var streetTypes = new[] { "RUE", "AV", "BD", "CHE", "PL", "IMP", "RTE" };
        var random = new Random(7);
        var fields = new string[columns.Length];

        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 20);
        await writer.WriteAsync(Header + "\n");
        for (var i = 0; i < rows; i++)
        {
            Array.Fill(fields, string.Empty);
            var departement = departements[i % departements.Length];
            var sirenValue = (100_000_000 + i / 3).ToString(CultureInfo.InvariantCulture);
            var nicValue = (10 + i % 3 * 7).ToString("00000", CultureInfo.InvariantCulture);
            fields[siren] = sirenValue;
            fields[nic] = nicValue;
            fields[siret] = sirenValue + nicValue;
            fields[created] = new DateOnly(1990, 1, 1).AddDays(random.Next(0, 12_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields[band] = random.Next(0, 3) == 0 ? "NN" : random.Next(0, 54).ToString("00", CultureInfo.InvariantCulture);
            fields[siege] = i % 3 == 0 ? "true" : "false";
            fields[number] = random.Next(1, 200).ToString(CultureInfo.InvariantCulture);
            fields[type] = streetTypes[random.Next(streetTypes.Length)];
            fields[street] = "DE LA REPUBLIQUE";
            fields[post] = (departement.Length == 3 ? departement + "10" : departement.Replace('A', '0').Replace('B', '0') + "100");
            fields[communeName] = "COMMUNE " + departement;
            fields[commune] = departement + random.Next(1, departement.Length == 3 ? 99 : 999).ToString(departement.Length == 3 ? "00" : "000", CultureInfo.InvariantCulture);
            fields[since] = "2020-01-01";
            fields[state] = (i % 5 == 0) ^ (changeEvery > 0 && i % changeEvery == 0) ? "F" : "A";
            fields[activity] = $"{random.Next(1, 99):00}.{random.Next(0, 99):00}Z";
            fields[nomenclature] = "NAFRev2";
            fields[longitude] = (random.NextDouble() * 10 - 4).ToString("F6", CultureInfo.InvariantCulture);
            fields[latitude] = (random.NextDouble() * 9 + 42).ToString("F6", CultureInfo.InvariantCulture);
            await writer.WriteAsync(string.Join(',', fields));
            await writer.WriteAsync('\n');
        }
    }
}
