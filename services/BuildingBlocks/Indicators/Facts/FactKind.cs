namespace SignauxFaibles.Indicators.Facts;

/// <summary>
/// The kinds of fact the panel reads. The numbers are stored by the feature service: never
/// renumber, only append.
/// </summary>
public enum FactKind : short
{
    ContributionDebtStep = 1,
    ContributionDeclaration = 2,
    PaymentPlan = 3,
    CcsfPlanStep = 4,
    EstablishmentHeadcount = 5,
    CompanyHeadcount = 6,
    ShortTimeWorkRequest = 7,
    ShortTimeWorkConsumption = 8,
    BanqueDeFranceRatios = 9,
    DianeStatement = 10,
    DgfipStatement = 11,
    SupplierPaymentDelay = 12,
    InsolvencyProceeding = 13,
    CompanyRegistration = 14,
    EstablishmentRegistration = 15,
}
