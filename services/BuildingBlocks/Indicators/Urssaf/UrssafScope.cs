using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Urssaf;

/// <summary>The URSSAF facts of a company, or of one of its establishments.</summary>
public sealed record UrssafScope(
    IReadOnlyList<ContributionDeclaration> Contributions,
    IReadOnlyList<ContributionDebtStep> DebtSteps,
    IReadOnlyList<PaymentPlan> PaymentPlans,
    IReadOnlyList<CcsfPlanStep> CcsfSteps);
