using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Lists;

/// <summary>What publishing a month gave: the list, or why there is none.</summary>
public sealed record PublishOutcome(PublishedList? List, string? Refusal, bool AlreadyPublished = false);

/// <summary>
/// Freezes a month's detection list: each company's latest score of that month (so a rescore of the
/// month by a newer model counts, one of a later month does not), red or orange, copied with its
/// explanation into the published tables in one statement. Publishing twice gives the first list.
/// </summary>
public sealed class ListPublisher(ScoringDbContext db, TimeProvider clock)
{
    public async Task<PublishOutcome> PublishAsync(YearMonth month, string actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One publisher at a time per month: the second waits, then finds the list already there.
        await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock(hashtext('published_lists'), {0})", [month.Index], ct);
        if (await db.PublishedLists.AsNoTracking().FirstOrDefaultAsync(l => l.Month == month, ct) is { } existing)
            return new PublishOutcome(existing, null, AlreadyPublished: true);
        var active = await db.ModelVersions.AsNoTracking().Where(v => v.IsActive).Select(v => new { v.Version, v.RedThreshold, v.OrangeThreshold }).FirstOrDefaultAsync(ct);
        if (active is null) return new PublishOutcome(null, "no active model version");
        if (!await db.Scores.AnyAsync(s => s.Month == month, ct)) return new PublishOutcome(null, $"no company is scored for {month}");

        await db.Database.ExecuteSqlRawAsync("""
            insert into published_list_entries (month, siren, level, probability, model_version, main_theme, departement, region, naf_section, top_features)
            select s.month, s.siren, s.level, s.probability, s.model_version, st.main_theme, st.departement, st.region, st.naf_section, s.top_features
            from (select distinct on (siren) * from scores where month = {0} order by siren, id desc) s
            left join standings st on st.siren = s.siren
            where s.level <> {1}
            """, [month.FirstDay, nameof(RiskLevel.None)], ct);
        var counts = await db.PublishedListEntries.Where(e => e.Month == month).GroupBy(e => e.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var list = new PublishedList
        {
            Month = month, ModelVersion = active.Version, RedThreshold = active.RedThreshold, OrangeThreshold = active.OrangeThreshold,
            PublishedAt = clock.GetUtcNow(), PublishedBy = actor,
            Red = counts.Where(c => c.Key == RiskLevel.High).Sum(c => c.Count), Orange = counts.Where(c => c.Key == RiskLevel.Moderate).Sum(c => c.Count),
        };
        db.PublishedLists.Add(list);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PublishOutcome(list, null);
    }
}
