namespace SignauxFaibles.Ingestion.Insee.Historique;

/// <summary>Columns of the Sirene establishment history (StockEtablissementHistorique_utf8.csv) this service reads.</summary>
public static class HistoriqueLayout
{
    public const string Siren = "siren";
    public const string Nic = "nic";
    public const string Until = "dateFin";
    public const string From = "dateDebut";
    public const string State = "etatAdministratifEtablissement";
    public const string ActivityCode = "activitePrincipaleEtablissement";
    public const string ActivityNomenclature = "nomenclatureActivitePrincipaleEtablissement";
    public const string Employer = "caractereEmployeurEtablissement";

    public static readonly string[] Required = [Siren, Nic, Until, From, State, ActivityCode, ActivityNomenclature, Employer];
}
