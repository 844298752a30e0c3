using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// The URSSAF side of a company: contributions missed become debt lines put into collection the
/// next month, repaid in full or in part as health allows (faster under a payment plan or a CCSF
/// plan), frozen by a proceeding, abandoned after a liquidation.
/// </summary>
internal sealed class UrssafDebtBook(Rng rng, SynthesisOptions options, CompanyLife life, ProceedingTimeline proceedings)
{
    private readonly List<DebtLine> _open = [];
    private int _lineNumber;
    private DateOnly _planEnds = DateOnly.MinValue;
    private DateOnly _ccsfEnds = DateOnly.MinValue;
    private bool _ccsfRunning;

    public long OutstandingCents
    {
        get
        {
            long total = 0;
            foreach (var line in _open) total += line.RemainingCents;
            return total;
        }
    }

    public void Month(Month m, int k, double health, double companyDue)
    {
        var today = m.Day(15);
        if (_ccsfRunning && today > _ccsfEnds) _ccsfRunning = false;
        Repay(m, health);
        var sensitivity = life.Company.PaysUrssafFirst ? 0.5 : 1.8;
        var routine = life.Company.Sector.RoutineArrears;
        for (var e = 0; e < life.Headcount.Length; e++)
        {
            var due = life.ContributionsDue[e][k];
            if (due <= 0) continue;
            // A company deep in trouble stops declaring: no contributions line, URSSAF assesses provisionally.
            if (!life.Company.PaysUrssafFirst && rng.Chance(Sigmoid(-6.8 - 1.6 * health)))
            {
                life.Undeclared[e][k] = true;
                Open(m, e, due, reason: 3);
                continue;
            }
            if (rng.Chance(Sigmoid(-4.4 - sensitivity * health)) || rng.Chance(routine)) Open(m, e, due);
        }
        if (proceedings.Frozen(today) || companyDue <= 0) return;
        var outstanding = OutstandingCents / 100.0;
        if (today > _planEnds && outstanding > 0.5 * companyDue && health > -3 && rng.Chance(0.12)) GrantPlan(m, outstanding);
        if (!_ccsfRunning && outstanding > 2 * companyDue && health < -0.8 && rng.Chance(0.03)) StartCcsf(m);
    }

    private void Open(Month period, int establishment, double due, int? reason = null)
    {
        var share = reason is null && rng.Chance(0.5) ? rng.Uniform(0.2, 0.9) : 1.0;
        var cents = (long)Math.Round(due * share * 100);
        if (cents < 100) return;
        var u = rng.NextDouble();
        reason ??= u < 0.8 ? 2 : u < 0.95 ? 1 : 3; // missing payment, late payment, provisional assessment
        var line = new DebtLine(establishment, period, ++_lineNumber, reason.Value);
        var employee = cents * 3 / 10;
        line.Steps.Add(Step(period.Add(1).Day(rng.Between(3, 26)), employee, cents - employee, 1));
        // A late declaration replaces the provisional debt: the put-into-collection is cancelled.
        if (rng.Chance(0.04)) line.Steps.Add(Step(period.Add(2).Day(rng.Between(1, 28)), 0, 0, 11));
        life.Debts.Add(line);
        if (line.RemainingCents > 0) _open.Add(line);
    }

    private void Repay(Month m, double health)
    {
        var day = m.Day(rng.Between(1, 28));
        if (proceedings.Frozen(day)) return;
        var help = (day <= _planEnds ? 0.35 : 0) + (_ccsfRunning ? 0.25 : 0);
        var chance = Math.Min(0.95, Sigmoid(0.3 + 1.6 * health) + help);
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var line = _open[i];
            if (line.Steps[^1].ProcessedOn >= m.FirstDay || !rng.Chance(chance)) continue;
            var last = line.Steps[^1];
            var keep = rng.Chance(0.6) ? 0.0 : rng.Uniform(0.3, 0.8);
            var employee = (long)(last.EmployeeCents * keep);
            var employer = (long)(last.EmployerCents * keep);
            if (employee + employer < 100) (employee, employer) = (0, 0);
            line.Steps.Add(Step(day, employee, employer, 2));
            if (line.RemainingCents == 0) _open.RemoveAt(i);
        }
    }

    private void GrantPlan(Month m, double outstanding)
    {
        var granted = m.Day(rng.Between(1, 28));
        var days = 30 * rng.Between(3, 12);
        var caseNumber = $"{life.Company.Index % 1_000_000_000:D9}{life.PaymentPlans.Count + 1:D4}";
        life.PaymentPlans.Add(new PaymentPlanGrant(0, granted, days, Math.Round((decimal)outstanding, 2), caseNumber));
        _planEnds = granted.AddDays(days);
    }

    private void StartCcsf(Month m)
    {
        _ccsfRunning = true;
        var start = m.Day(rng.Between(1, 28));
        life.CcsfSteps.Add(new CcsfStep(0, start, "DEBUT"));
        var decided = start.AddDays(rng.Between(20, 80));
        if (!rng.Chance(0.65))
        {
            life.CcsfSteps.Add(new CcsfStep(0, decided, "REFUS"));
            _ccsfRunning = false;
            return;
        }
        life.CcsfSteps.Add(new CcsfStep(0, decided, "APPROB"));
        _ccsfEnds = decided.AddMonths(rng.Between(12, 24));
        // A proceeding opened while the plan runs ends it as rejected; otherwise it completes.
        life.CcsfSteps.Add(proceedings.Opened is { } o && o >= decided && o < _ccsfEnds
            ? new CcsfStep(0, o, "REJ")
            : new CcsfStep(0, _ccsfEnds, "FIN"));
    }

    /// <summary>Closes what happens after the company's last active month: its debts, abandoned some months after it ceased.</summary>
    public void AfterEnd()
    {
        // Steps dated after the window are not delivered yet.
        life.CcsfSteps.RemoveAll(s => s.ProcessedOn > options.To.LastDay);
        if (life.ClosedOn is not { } closed) return;
        foreach (var line in _open)
        {
            var day = Synthesis.Month.From(closed).Add(rng.Between(6, 18)).Day(rng.Between(1, 28));
            line.Steps.Add(new DebtStep(day, 0, 0, 5, proceedings.ProceedingCode(day), 3));
        }
        _open.Clear();
    }

    private DebtStep Step(DateOnly day, long employee, long employer, int operation) =>
        new(day, employee, employer, operation, proceedings.ProceedingCode(day), life.ClosedOn is { } c && day > c ? 3 : 1);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
