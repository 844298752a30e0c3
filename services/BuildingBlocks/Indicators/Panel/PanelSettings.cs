using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>What the panel covers and the rules that are settings rather than constants.</summary>
public sealed record PanelSettings
{
    /// <summary>First month with rows (a company created later starts at its creation).</summary>
    public required YearMonth From { get; init; }

    /// <summary>Last month with rows: the month the panel is "as of".</summary>
    public required YearMonth To { get; init; }

    /// <summary>Accounts are filed months after the fiscal year closes: they count from that many months after it.</summary>
    public int FinancialFilingDelayMonths { get; init; } = 6;

    /// <summary>A missing monthly headcount repeats the last one for at most that many months (and says so).</summary>
    public int HeadcountCarryForwardMonths { get; init; } = 12;

    /// <summary>A paydex measure older than that many months no longer describes the company.</summary>
    public int PaydexValidityMonths { get; init; } = 12;

    /// <summary>Horizon of the training label: a proceeding opens within that many months after the month.</summary>
    public int OutcomeHorizonMonths { get; init; } = 18;

    /// <summary>Add the training label (<c>outcome</c>) — it looks into the future, so never for the live panel.</summary>
    public bool IncludeOutcome { get; init; }

    public PerimeterSettings Perimeter { get; init; } = new();

    /// <summary>Months computed before <see cref="From"/> so that lags and rolling windows are complete at From.</summary>
    public const int LookbackMonths = 36;
}

/// <summary>Which companies the detection covers (indicators.md, Perimeter).</summary>
public sealed record PerimeterSettings
{
    public int MinHeadcount { get; init; } = 10;
    public int HeadcountWindowMonths { get; init; } = 36;
    public IReadOnlyList<string> ExcludedNafSections { get; init; } = ["O", "P", "U"];
    public IReadOnlyList<string> ExcludedNafDivisions { get; init; } = ["64", "65", "66", "84", "85", "94", "99"];
    /// <summary>Public legal persons: 4xxx (public bodies under commercial law) and 7xxx (administrative law).</summary>
    public IReadOnlyList<string> ExcludedLegalCategoryPrefixes { get; init; } = ["4", "7"];
}
