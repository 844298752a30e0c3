using SignauxFaibles.Synthesis.Population;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// Everything one company did during the window, simulated before a single line is written: the
/// writers read it, then it is dropped, so memory holds one company at a time.
/// Month arrays are indexed by months since the window's first month.
/// </summary>
public sealed class CompanyLife(Company company, int months)
{
    public Company Company { get; } = company;

    /// <summary>First month the company exists within the window.</summary>
    public Month FirstMonth { get; set; }

    /// <summary>Last month it is active within the window (its end, or the window's end).</summary>
    public Month LastMonth { get; set; }

    /// <summary>When it ceased (liquidation or voluntary closure), if within the window.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Headcount per establishment and month; −1 when the establishment does not exist then.</summary>
    public int[][] Headcount { get; } = NewMonthly<int>(company.Establishments.Count, months, -1);

    /// <summary>Contributions due per establishment and month, euros.</summary>
    public double[][] ContributionsDue { get; } = NewMonthly<double>(company.Establishments.Count, months, 0);

    /// <summary>Months an establishment filed no declaration (no contributions line; URSSAF assessed them provisionally).</summary>
    public bool[][] Undeclared { get; } = NewMonthly(company.Establishments.Count, months, false);

    /// <summary>Latent health per month (NaN outside the company's life): the ground truth behind every signal.</summary>
    public double[] Health { get; } = Filled(months, double.NaN);

    /// <summary>Paydex days per month (NaN when not measured).</summary>
    public double[] PaydexDays { get; } = Filled(months, double.NaN);

    public List<DebtLine> Debts { get; } = [];

    public List<PaymentPlanGrant> PaymentPlans { get; } = [];

    public List<CcsfStep> CcsfSteps { get; } = [];

    public List<ProceedingEvent> Proceedings { get; } = [];

    public List<ShortTimeWorkRequest> ShortTimeWork { get; } = [];

    public List<FinancialStatement> Statements { get; } = [];

    public FailureTruth? Failure { get; set; }

    /// <summary>Whether an establishment ever opened: one planned after the company ceased never did.</summary>
    public bool Opened(Establishment establishment, Month windowEnd) =>
        establishment.CreatedOn <= (ClosedOn is { } closed && closed < windowEnd.LastDay ? closed : windowEnd.LastDay);

    public int CompanyHeadcount(int month)
    {
        var total = -1;
        foreach (var e in Headcount)
            if (e[month] >= 0) total = Math.Max(total, 0) + e[month];
        return total;
    }

    private static T[][] NewMonthly<T>(int rows, int months, T value)
    {
        var array = new T[rows][];
        for (var i = 0; i < rows; i++) array[i] = Filled(months, value);
        return array;
    }

    private static T[] Filled<T>(int months, T value)
    {
        var a = new T[months];
        Array.Fill(a, value);
        return a;
    }
}

/// <summary>What the ground truth says about a failure.</summary>
/// <param name="OpenedOn">The day the court opened the collective proceeding.</param>
/// <param name="DistressOnset">First month of the latent slide that led to it (may precede the window).</param>
/// <param name="Sudden">True when no slow slide preceded it (onset at most two months before).</param>
public sealed record FailureTruth(DateOnly OpenedOn, ProceedingKind Kind, Month DistressOnset, bool Sudden);

public enum ProceedingKind { Sauvegarde, Redressement, Liquidation }

/// <summary>One URSSAF debt line ("écart négatif") of one account for one period, with its history.</summary>
public sealed class DebtLine(int establishment, Month period, int number, int reason)
{
    public int Establishment { get; } = establishment;
    public Month Period { get; } = period;
    public int Number { get; } = number;
    public int Reason { get; } = reason;
    public List<DebtStep> Steps { get; } = [];
    public long RemainingCents => Steps.Count == 0 ? 0 : Steps[^1].EmployeeCents + Steps[^1].EmployerCents;
}

/// <param name="Operation">Cd_op_ecn: 1 put into collection, 2 payment, 3 written off, 5 balance abandoned, 11 cancellation of 1.</param>
/// <param name="ProceedingCode">Cd_pro_col at that step: 0 none, 1 proceeding open, 2 plan running.</param>
/// <param name="AccountState">Etat_cpte: 1 active, 3 struck off.</param>
public readonly record struct DebtStep(DateOnly ProcessedOn, long EmployeeCents, long EmployerCents, int Operation, int ProceedingCode, int AccountState);

public sealed record PaymentPlanGrant(int Establishment, DateOnly GrantedOn, int Days, decimal Amount, string CaseNumber);

public sealed record CcsfStep(int Establishment, DateOnly ProcessedOn, string Stage);

/// <param name="Stage">Lib_actx_stdx as URSSAF writes it (stage _ nature).</param>
public sealed record ProceedingEvent(DateOnly EffectiveOn, ProceedingKind Kind, string Stage);

/// <summary>A short-time work authorisation and the hours actually used under it, month by month.</summary>
public sealed record ShortTimeWorkRequest(
    string Id, int Establishment, DateOnly DecidedOn, DateOnly Start, DateOnly End, int CompanyHeadcount, int EstablishmentHeadcount,
    double HoursAuthorised, double AmountAuthorised, int EmployeesAuthorised, int Reason, int Perimeter, int PriorUse,
    List<ShortTimeWorkMonth> Consumption);

public sealed record ShortTimeWorkMonth(Month Month, double Hours, double Amount, int Employees);
