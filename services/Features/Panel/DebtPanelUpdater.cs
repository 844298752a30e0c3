using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Features.ContributionDebt;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// Recomputes one company's debt months from all its stored steps, writes the months that changed
/// and announces them through the outbox (same transaction as the caller's).
/// </summary>
public sealed class DebtPanelUpdater(FeaturesDbContext db, IOutbox outbox, TimeProvider clock)
{
    public const string EmployeeShareIndicator = "montant_part_ouvriere";
    public const string EmployerShareIndicator = "montant_part_patronale";

    /// <summary>
    /// Locks the companies' rows (creating missing ones) in SIREN order until the transaction ends.
    /// Two instances touching one company then take turns, and the second reads the first's
    /// committed steps; the fixed order rules out deadlocks.
    /// </summary>
    public async Task<IReadOnlyList<Company>> LockAsync(IEnumerable<Siren> sirens, CancellationToken ct)
    {
        var ids = sirens.Select(s => s.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO companies (siren, revision, updated_at) SELECT s, 0, now() FROM unnest({ids}) AS s ORDER BY s ON CONFLICT DO NOTHING", ct);
        return await db.Companies
            .FromSql($"SELECT siren, revision, updated_at, xmin FROM companies WHERE siren = ANY({ids}) ORDER BY siren FOR UPDATE")
            .ToListAsync(ct);
    }

    /// <summary>Recomputes a company locked by <see cref="LockAsync"/>.</summary>
    public async Task RefreshAsync(Company company, CancellationToken ct)
    {
        var siren = company.Siren;
        var steps = await db.DebtSteps.AsNoTracking().Where(s => s.Siren == siren).ToListAsync(ct);
        var series = OutstandingDebtCalculator.Compute(steps);
        var stored = await db.CompanyDebtMonths.Where(m => m.Siren == siren).ToDictionaryAsync(m => m.Month, ct);

        var changed = new List<MonthlyIndicators>();
        foreach (var debt in series)
        {
            if (stored.Remove(debt.Month, out var row))
            {
                if (row.EmployeeShare == debt.EmployeeShare && row.EmployerShare == debt.EmployerShare) continue;
                row.EmployeeShare = debt.EmployeeShare;
                row.EmployerShare = debt.EmployerShare;
            }
            else
            {
                db.CompanyDebtMonths.Add(new CompanyDebtMonth
                {
                    Siren = siren, Month = debt.Month, EmployeeShare = debt.EmployeeShare, EmployerShare = debt.EmployerShare,
                });
            }
            changed.Add(Indicators(debt.Month, debt.EmployeeShare, debt.EmployerShare));
        }
        foreach (var obsolete in stored.Values)
        {
            db.CompanyDebtMonths.Remove(obsolete);
            changed.Add(Indicators(obsolete.Month, null, null));
        }

        company.Revision++;
        company.UpdatedAt = clock.GetUtcNow();
        if (changed.Count > 0)
        {
            outbox.Publish(new CompanyIndicatorsUpdated(siren, changed, company.Revision, company.UpdatedAt), siren.Value);
        }
    }

    private static MonthlyIndicators Indicators(YearMonth month, decimal? employee, decimal? employer) =>
        new(month, new Dictionary<string, double?>
        {
            [EmployeeShareIndicator] = (double?)employee,
            [EmployerShareIndicator] = (double?)employer,
        });
}
