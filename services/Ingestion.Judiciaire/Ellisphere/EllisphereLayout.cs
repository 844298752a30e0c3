namespace SignauxFaibles.Ingestion.Judiciaire.Ellisphere;

/// <summary>Columns of the Ellisphère group structure workbook: the group head (GRP), the link, the subsidiary (FIL).</summary>
public static class EllisphereLayout
{
    public const string GroupCode = "GRP Code";
    public const string HeadPersonType = "GRP Personne PouM";
    public const string HeadSiren = "GRP SIREN 9";
    public const string HeadRefId = "GRP RefID";
    public const string GroupName = "GRP Raison Sociale";
    public const string HeadAddress = "GRP Adresse";
    public const string HeadCountry = "GRP Pays";
    public const string HoldingLevel = "Niveau de détention";
    public const string OwnershipPercent = "% Financier";
    public const string SubsidiaryCode = "FIL Code";
    public const string SubsidiarySiren = "FIL SIREN 9";
    public const string SubsidiaryRefId = "FIL RefID";

    public static readonly string[] Required =
    [
        GroupCode, HeadPersonType, HeadSiren, HeadRefId, GroupName, HeadAddress, HeadCountry, HoldingLevel, OwnershipPercent,
        SubsidiaryCode, SubsidiarySiren, SubsidiaryRefId,
    ];
}
