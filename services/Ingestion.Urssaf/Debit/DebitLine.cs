using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Debit;

/// <summary>One parsed line: either a debt step or the reason it was rejected.</summary>
public sealed record DebitLine(ContributionDebtStep? Step, LineReject? Reject, long Line)
{
    public static DebitLine Accepted(ContributionDebtStep step, long line) => new(step, null, line);

    public static DebitLine Rejected(LineReject reject) => new(null, reject, reject.Line);
}
