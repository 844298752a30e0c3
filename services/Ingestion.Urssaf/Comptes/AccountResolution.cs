using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>
/// Which URSSAF records name an establishment only by its account, at which date the account
/// must be resolved, and the record completed with the SIRET found.
/// </summary>
public static class AccountResolution
{
    /// <returns>The account and date to resolve, or null when the record already has its SIRET.</returns>
    public static (string Account, DateOnly Date)? Needed(ISourceRecord record) => record switch
    {
        // A debt step is dated by its processing: the account's establishment at that time.
        ContributionDebtStep { Siret: null } d => (d.AccountNumber, d.ProcessedOn),
        ContributionDeclaration { Siret: null } c => (c.AccountNumber, c.Period.First.FirstDay),
        CcsfPlanStep { Siret: null } s => (s.AccountNumber, s.ProcessedOn),
        // A plan belongs to the account's establishment on the day it was granted.
        PaymentPlan { Siret: null } p => (p.AccountNumber, p.GrantedOn),
        _ => null,
    };

    public static ISourceRecord WithSiret(ISourceRecord record, Siret siret) => record switch
    {
        ContributionDebtStep d => d with { Siret = siret },
        ContributionDeclaration c => c with { Siret = siret },
        CcsfPlanStep s => s with { Siret = siret },
        PaymentPlan p => p with { Siret = siret },
        _ => record,
    };

    /// <summary>The SIRET of the link valid at the date (the most recent one if several are).</summary>
    public static Siret? Resolve(IEnumerable<AccountLink> linksOfAccount, DateOnly date) =>
        linksOfAccount.Where(l => l.IsValidOn(date)).OrderByDescending(l => l.ValidFrom).Select(l => (Siret?)l.Siret).FirstOrDefault();
}
