namespace SignauxFaibles.Ingestion.Insee.UniteLegale;

/// <summary>Columns of the Sirene legal-unit stock (StockUniteLegale_utf8.csv) this service reads.</summary>
public static class UniteLegaleLayout
{
    public const string Siren = "siren";
    public const string CreatedOn = "dateCreationUniteLegale";
    public const string FirstName = "prenom1UniteLegale";
    public const string HeadcountBand = "trancheEffectifsUniteLegale";
    public const string SizeCategory = "categorieEntreprise";
    public const string State = "etatAdministratifUniteLegale";
    public const string LastName = "nomUniteLegale";
    public const string Name = "denominationUniteLegale";
    public const string LegalCategory = "categorieJuridiqueUniteLegale";
    public const string ActivityCode = "activitePrincipaleUniteLegale";
    public const string ActivityNomenclature = "nomenclatureActivitePrincipaleUniteLegale";
    public const string HeadOfficeNic = "nicSiegeUniteLegale";

    // Usual names (dénominations usuelles): optional, a company may have up to three.
    public static readonly string[] UsualNames = ["denominationUsuelle1UniteLegale", "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale"];

    // Added by INSEE in 2025 with the new nomenclature; older deliveries do not have it.
    public const string ActivityCodeNaf2025 = "activitePrincipaleNAF25UniteLegale";

    public static readonly string[] Required =
    [
        Siren, CreatedOn, FirstName, HeadcountBand, SizeCategory, State, LastName, Name, LegalCategory,
        ActivityCode, ActivityNomenclature, HeadOfficeNic,
    ];
}
