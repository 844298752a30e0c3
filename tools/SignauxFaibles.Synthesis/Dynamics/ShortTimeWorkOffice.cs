using System.Globalization;
using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// Short-time work (activité partielle): a company asks for it when activity falls — rarely in
/// normal times, massively during the 2020 lockdowns, routinely when it is large — then uses part
/// of the hours authorised.
/// </summary>
internal sealed class ShortTimeWorkOffice(Rng rng, SynthesisOptions options, CompanyLife life)
{
    /// <summary>Monthly hours of a full-time job (35 h a week), the DGEFP's conversion unit.</summary>
    public const double FullTimeHours = 151.67;

    /// <summary>Headcount from which short-time work is routine rather than a distress signal.</summary>
    public const int LargeEmployer = 50;

    private DateOnly _runningUntil = DateOnly.MinValue;

    /// <summary>Simulates the month; returns the allowance paid for it (euros), a subsidy in the accounts.</summary>
    public double Month(Month m, int k, double health, double lockdown, double wage)
    {
        var paid = 0.0;
        foreach (var request in life.ShortTimeWork)
            foreach (var used in request.Consumption)
                if (used.Month == m) paid += used.Amount;
        if (m.FirstDay <= _runningUntil) return paid;

        // Large employers use short-time work as a routine tool (seasons, orders); for a small one,
        // asking for it is a sign of trouble — size changes what the same request means.
        var chance = life.CompanyHeadcount(k) >= LargeEmployer
            ? 0.01 + 0.004 * Math.Max(0, -health - 1) + 0.6 * lockdown
            : 0.0015 + 0.08 * Math.Max(0, -health - 1) + 0.6 * lockdown;
        if (!rng.Chance(Math.Min(0.9, chance))) return paid;
        var establishment = rng.Chance(0.8) ? 0 : rng.Next(life.Headcount.Length);
        var headcount = life.Headcount[establishment][k];
        if (headcount <= 0) return paid;

        var months = lockdown > 0 ? rng.Between(2, 4) : rng.Between(1, 6);
        var start = m.FirstDay;
        var end = m.Add(months - 1).LastDay;
        _runningUntil = end;
        var employees = Math.Max(1, (int)Math.Round(headcount * rng.Uniform(0.3, 1.0)));
        var hours = Math.Round(employees * FullTimeHours * months * rng.Uniform(0.3, 0.8), 2);
        // The allowance is 70 % of the gross hourly wage (2020 rules), paid per hour not worked.
        var hourly = 0.7 * wage / FullTimeHours;
        var consumption = new List<ShortTimeWorkMonth>();
        for (var i = 0; i < months; i++)
        {
            var month = m.Add(i);
            if (month > options.To || month > life.LastMonth || rng.Chance(0.1)) continue;
            var used = Math.Round(hours / months * rng.Uniform(0.1, 1.0), 2);
            consumption.Add(new ShortTimeWorkMonth(month, used, Math.Round(used * hourly, 2), Math.Max(1, (int)Math.Round(employees * rng.Uniform(0.4, 1.0)))));
        }
        var id = string.Create(CultureInfo.InvariantCulture, $"{life.Company.Siren}{life.ShortTimeWork.Count + 1:D3}");
        var reason = lockdown > 0 ? 5 : rng.Chance(0.85) ? 1 : rng.Chance(0.5) ? 2 : 4;
        var perimeter = lockdown > 0.6 ? 3 : rng.Between(1, 2);
        life.ShortTimeWork.Add(new ShortTimeWorkRequest(id, establishment, start.AddDays(rng.Between(0, 25)), start, end,
            Math.Max(0, life.CompanyHeadcount(k)), headcount, hours, Math.Round(hours * hourly, 2), employees, reason, perimeter,
            life.ShortTimeWork.Count == 0 ? 1 : 2, consumption));
        if (consumption.Count > 0 && consumption[0].Month == m) paid += consumption[0].Amount;
        return paid;
    }
}
