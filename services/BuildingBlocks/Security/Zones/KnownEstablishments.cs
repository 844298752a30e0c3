using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Security.Zones;

/// <summary>
/// Keeps <see cref="KnownEstablishment"/> rows from Sirene records and answers the zone questions
/// of a service that holds them: where a company is placed, and which companies a zone holds.
/// </summary>
public static class KnownEstablishments
{
    /// <summary>Adds the table to a service's model (then add a migration to that service).</summary>
    public static ModelBuilder AddKnownEstablishments(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnownEstablishment>(e =>
        {
            e.ToTable("known_establishments");
            e.HasKey(x => x.Siret);
            e.HasIndex(x => x.Siren);
            e.HasIndex(x => new { x.Departement, x.Placing });
            e.HasIndex(x => new { x.Region, x.Placing });
            e.Property(x => x.Departement).HasMaxLength(3);
            e.Property(x => x.Region).HasMaxLength(2);
        });
        return modelBuilder;
    }

    /// <summary>Applies Sirene records (the last one of a SIRET in the chunk wins) and re-places the companies touched; the caller saves.</summary>
    public static async Task ApplyAsync(DbContext db, IReadOnlyList<EstablishmentRegistration> records, DateTimeOffset now, CancellationToken ct)
    {
        var latest = records.GroupBy(r => r.Siret).Select(g => g.Last()).ToList();
        if (latest.Count == 0) return;
        var sirens = latest.Select(r => r.Siret.Siren).Distinct().ToList();
        var set = db.Set<KnownEstablishment>();
        var known = await set.Where(e => sirens.Contains(e.Siren)).ToDictionaryAsync(e => e.Siret, ct);
        foreach (var record in latest)
        {
            if (!known.TryGetValue(record.Siret, out var row))
            {
                known[record.Siret] = row = new KnownEstablishment { Siret = record.Siret, Siren = record.Siret.Siren };
                set.Add(row);
            }
            (row.Departement, row.Region, row.Open, row.UpdatedAt) = (record.Departement, record.Region, record.Active, now);
            row.ClosedOn = record.Active ? null : record.StateSince;
        }
        foreach (var company in known.Values.GroupBy(e => e.Siren))
        {
            var anyOpen = company.Any(e => e.Open);
            foreach (var row in company) row.Placing = row.Open || !anyOpen;
        }
    }

    /// <summary>The company's establishments as the zone rule reads them; empty when Sirene has not told this service yet.</summary>
    public static async Task<IReadOnlyList<EstablishmentPlace>> PlacesAsync(DbContext db, Siren siren, CancellationToken ct) =>
        await db.Set<KnownEstablishment>().AsNoTracking().Where(e => e.Siren == siren)
            .Select(e => new EstablishmentPlace(e.Departement, e.Region, e.Open)).ToListAsync(ct);

    /// <summary>The companies with a placing establishment in one of these départements or régions.</summary>
    public static IQueryable<Siren> PlacedIn(DbContext db, List<string> departements, List<string> regions) =>
        db.Set<KnownEstablishment>()
            .Where(e => e.Placing && ((e.Departement != null && departements.Contains(e.Departement)) || (e.Region != null && regions.Contains(e.Region))))
            .Select(e => e.Siren);

    /// <summary>Companies this service knows establishments of (the others are placed by what else it knows, e.g. a head office label).</summary>
    public static IQueryable<Siren> Located(DbContext db) => db.Set<KnownEstablishment>().Select(e => e.Siren);
}
