using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Facts;

/// <summary>
/// Knowledge time beside value time: the day a fact became known. The live platform records it
/// (the delivery or push that brought the fact); for files read offline without that record, each
/// source's documented delay stands in for it, so that a panel "as known at D" reproduces the
/// delays the service sees:
/// <list type="bullet">
/// <item>contributions and short-time work consumed for month M: the 15th of M+1 (declared in the month after);</item>
/// <item>headcounts of month M: the 10th of the month after M's quarter (URSSAF's headcount files are quarterly);</item>
/// <item>a débit step, a CCSF step: the day URSSAF processed it; a payment plan: the day it was granted;</item>
/// <item>a short-time work request: its decision (status) date, else its first day;</item>
/// <item>annual accounts (Banque de France, Diane, DGFiP): six months after the fiscal year end (the panel's filing delay);</item>
/// <item>a collective proceeding, a paydex measure: a week after its date (BODACC and Altares publish within days);</item>
/// <item>registry records: the creation date (a stock describes what exists).</item>
/// </list>
/// </summary>
public static class KnowledgeDates
{
    /// <summary>The day <paramref name="fact"/> became known: the recorded day, else the source's documented delay.</summary>
    public static DateOnly Of(Fact fact) => fact.KnownOn ?? Expected(fact.Record);

    /// <summary>Whether <paramref name="fact"/> was known at the end of <paramref name="day"/>.</summary>
    public static bool KnownBy(Fact fact, DateOnly day) => Of(fact) <= day;

    /// <summary>The facts known at the end of <paramref name="day"/> (every fact when it is null).</summary>
    public static IEnumerable<Fact> KnownBy(IEnumerable<Fact> facts, DateOnly? day) =>
        day is { } d ? facts.Where(f => KnownBy(f, d)) : facts;

    public static DateOnly Expected(ISourceRecord record) => record switch
    {
        ContributionDeclaration r => DeclarationKnownOn(r.Period.Last),
        ContributionDebtStep r => r.ProcessedOn,
        PaymentPlan r => r.GrantedOn,
        CcsfPlanStep r => r.ProcessedOn,
        EstablishmentHeadcount r => QuarterAfter(r.Month),
        CompanyHeadcount r => QuarterAfter(r.Month),
        ShortTimeWorkRequest r => r.StatusDate ?? r.From,
        ShortTimeWorkConsumption r => MonthAfter(r.Month),
        FinancialStatement r => r.FiscalYearEnd.AddMonths(6),
        SupplierPaymentDelay r => r.ValueDate.AddDays(7),
        InsolvencyProceeding r => r.EffectiveOn.AddDays(7),
        CompanyRegistration r => r.CreatedOn ?? DateOnly.MinValue,
        EstablishmentRegistration r => r.CreatedOn ?? DateOnly.MinValue,
        _ => DateOnly.MinValue,
    };

    /// <summary>The day the contributions of <paramref name="month"/> are known: the 15th of the month after (the month becomes scorable then).</summary>
    public static DateOnly DeclarationKnownOn(YearMonth month) => MonthAfter(month);

    private static DateOnly MonthAfter(YearMonth month) => month.AddMonths(1).FirstDay.AddDays(14);

    private static DateOnly QuarterAfter(YearMonth month) => month.AddMonths(3 - (month.Month - 1) % 3).FirstDay.AddDays(9);
}
