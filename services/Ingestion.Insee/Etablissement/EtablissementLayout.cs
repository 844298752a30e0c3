namespace SignauxFaibles.Ingestion.Insee.Etablissement;

/// <summary>Columns of the Sirene establishment stock (StockEtablissement_utf8[_geo].csv) this service reads.</summary>
public static class EtablissementLayout
{
    public const string Siren = "siren";
    public const string Nic = "nic";
    public const string CreatedOn = "dateCreationEtablissement";
    public const string HeadcountBand = "trancheEffectifsEtablissement";
    public const string HeadOffice = "etablissementSiege";
    public const string StreetNumber = "numeroVoieEtablissement";
    public const string StreetType = "typeVoieEtablissement";
    public const string StreetName = "libelleVoieEtablissement";
    public const string PostCode = "codePostalEtablissement";
    public const string CommuneName = "libelleCommuneEtablissement";
    public const string CommuneCode = "codeCommuneEtablissement";
    public const string StateSince = "dateDebut";
    public const string State = "etatAdministratifEtablissement";
    public const string ActivityCode = "activitePrincipaleEtablissement";
    public const string ActivityNomenclature = "nomenclatureActivitePrincipaleEtablissement";

    // Added by the geocoded stock (Etalab's geolocation of the Sirene addresses) only.
    public const string Longitude = "longitude";
    public const string Latitude = "latitude";

    public static readonly string[] Required =
    [
        Siren, Nic, CreatedOn, HeadcountBand, HeadOffice, StreetNumber, StreetType, StreetName, PostCode, CommuneName,
        CommuneCode, StateSince, State, ActivityCode, ActivityNomenclature,
    ];
}
