namespace SignauxFaibles.Ingestion.Judiciaire.Paydex;

/// <summary>
/// The two paydex deliveries: the stock (4 columns) and the monthly increment (ISO-8859-15, ~31
/// columns ending with ';', closed by a line-count trailer). The header tells them apart.
/// </summary>
public enum PaydexLayout
{
    Stock,
    Increment,
}

/// <summary>Columns of the paydex stock file.</summary>
public static class PaydexStockColumns
{
    public const string Siren = "SIREN";
    public const string Days = "NB_JOURS";
    public const string DaysLabel = "NB_JOURS_LIB";
    public const string ValueDate = "DATE_VALEUR";

    public static readonly string[] Current = [Siren, Days, DaysLabel, ValueDate];
}

/// <summary>Columns of the paydex monthly increment that the record takes (the others describe the company).</summary>
public static class PaydexIncrementColumns
{
    public const string Siren = "Siren";
    public const string Paydex = "Paydex";
    public const string Days = "Retard moyen de paiements (j)";
    public const string Suppliers = "Nombre de fournisseurs analysés";
    public const string AmountStudied = "Montant total des encours étudiés (€)";
    public const string AmountOverdue = "Montant total des encours échus non réglés (€)";
    public const string Fpi30 = "FPI 30+";
    public const string Fpi90 = "FPI 90+";
    public const string ValueDate = "Date d'effet du mouvement";

    public static readonly string[] Required = [Siren, Paydex, Days, Suppliers, AmountStudied, AmountOverdue, Fpi30, Fpi90, ValueDate];
}
