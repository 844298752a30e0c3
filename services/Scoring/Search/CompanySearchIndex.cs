using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Names;

namespace SignauxFaibles.Scoring.Search;

/// <summary>
/// One company as the officers' search finds it (table <c>company_search</c>): its name and usual
/// name from the Sirene legal unit, the communes of its establishments from the Sirene
/// establishments, each also normalised (<see cref="SearchText"/>). <c>search_text</c> is computed
/// by PostgreSQL from the two normalised parts and carries the trigram index, so the consumer of
/// names and the consumer of establishments each write only their own columns.
/// </summary>
public sealed class CompanySearchEntry
{
    public const int MaxCommunes = 30;

    public Siren Siren { get; set; }

    public string? Name { get; set; }

    public string? UsualName { get; set; }

    /// <summary>The communes of the establishments that place the company (open ones, else all), for display.</summary>
    public string? Communes { get; set; }

    /// <summary>Name and usual name, normalised: what results are ranked by.</summary>
    public string NameText { get; set; } = "";

    /// <summary>The communes, normalised.</summary>
    public string CommuneText { get; set; } = "";

    /// <summary>Name, usual name and communes, normalised (a stored generated column, trigram-indexed).</summary>
    public string SearchText { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Where an establishment's commune is (table <c>establishment_communes</c>), kept from Sirene for the search.</summary>
public sealed class EstablishmentCommune
{
    public Siret Siret { get; set; }

    public Siren Siren { get; set; }

    public string? Commune { get; set; }

    public bool Open { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Keeps <see cref="CompanySearchEntry"/> rows from the Sirene events; the caller (an idempotent consumer) saves.</summary>
public static class CompanySearchIndex
{
    public static ModelBuilder AddCompanySearch(this ModelBuilder modelBuilder)
    {
        // Trigram similarity (word_similarity, the <% operator) and its GIN operator class.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<CompanySearchEntry>(e =>
        {
            e.ToTable("company_search");
            e.HasKey(x => x.Siren);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.UsualName).HasMaxLength(400);
            e.Property(x => x.Communes).HasMaxLength(2000);
            e.Property(x => x.NameText).HasMaxLength(600);
            e.Property(x => x.CommuneText).HasMaxLength(2000);
            e.Property(x => x.SearchText).HasComputedColumnSql("name_text || ' ' || commune_text", stored: true);
            e.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        modelBuilder.Entity<EstablishmentCommune>(e =>
        {
            e.ToTable("establishment_communes");
            e.HasKey(x => x.Siret);
            e.HasIndex(x => x.Siren);
            e.Property(x => x.Commune).HasMaxLength(100);
        });
        return modelBuilder;
    }

    /// <summary>Names and usual names of Sirene legal units (the last record of a SIREN in the chunk wins).</summary>
    public static async Task ApplyCompaniesAsync(ScoringDbContext db, IReadOnlyList<CompanyRegistration> records, DateTimeOffset now, CancellationToken ct)
    {
        var latest = records.GroupBy(r => r.Siren).Select(g => g.Last()).ToList();
        if (latest.Count == 0) return;
        var sirens = latest.Select(r => r.Siren).ToList();
        await EnsureRowsAsync(db, sirens, now, ct);
        var known = await db.CompanySearch.Where(e => sirens.Contains(e.Siren)).ToDictionaryAsync(e => e.Siren, ct);
        foreach (var record in latest)
        {
            var row = known[record.Siren];
            var (name, usual) = (CompanyNames.NameOf(record), Cut(record.UsualName?.Trim(), 400));
            if (row.Name == name && row.UsualName == usual && row.NameText.Length > 0) continue;
            (row.Name, row.UsualName, row.UpdatedAt) = (name, usual, now);
            row.NameText = Cut(string.Join(' ', new[] { SearchText.Normalise(name), SearchText.Normalise(usual) }.Where(t => t.Length > 0)), 600)!;
        }
    }

    /// <summary>Communes of Sirene establishments (the last record of a SIRET in the chunk wins), then each company's communes again.</summary>
    public static async Task ApplyEstablishmentsAsync(ScoringDbContext db, IReadOnlyList<EstablishmentRegistration> records, DateTimeOffset now, CancellationToken ct)
    {
        var latest = records.GroupBy(r => r.Siret).Select(g => g.Last()).ToList();
        if (latest.Count == 0) return;
        var sirens = latest.Select(r => r.Siret.Siren).Distinct().ToList();
        var establishments = await db.EstablishmentCommunes.Where(e => sirens.Contains(e.Siren)).ToDictionaryAsync(e => e.Siret, ct);
        foreach (var record in latest)
        {
            if (!establishments.TryGetValue(record.Siret, out var row))
            {
                establishments[record.Siret] = row = new EstablishmentCommune { Siret = record.Siret, Siren = record.Siret.Siren };
                db.EstablishmentCommunes.Add(row);
            }
            (row.Commune, row.Open, row.UpdatedAt) = (Cut(record.CommuneName?.Trim(), 100) is { Length: > 0 } commune ? commune : null, record.Active, now);
        }
        await EnsureRowsAsync(db, sirens, now, ct);
        var entries = await db.CompanySearch.Where(e => sirens.Contains(e.Siren)).ToDictionaryAsync(e => e.Siren, ct);
        foreach (var company in establishments.Values.GroupBy(e => e.Siren))
        {
            var communes = Communes(company.Select(e => (e.Commune, e.Open)));
            var entry = entries[company.Key];
            var display = communes.Count == 0 ? null : Cut(string.Join(", ", communes), 2000);
            if (entry.Communes == display) continue;
            (entry.Communes, entry.UpdatedAt) = (display, now);
            entry.CommuneText = Cut(string.Join(' ', communes.Select(SearchText.Normalise)), 2000)!;
        }
    }

    /// <summary>
    /// Creates the missing rows of <paramref name="sirens"/> in one statement that skips the ones
    /// present: the names consumer and the establishments consumer meet the same new company at once
    /// (a legal unit and its establishments arrive together), and a read-then-insert by each would
    /// collide on the key and send one message to its retries.
    /// </summary>
    private static Task EnsureRowsAsync(ScoringDbContext db, IReadOnlyList<Siren> sirens, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "insert into company_search (siren, name_text, commune_text, updated_at) select s, '', '', {1} from unnest({0}) s on conflict (siren) do nothing",
            [sirens.Select(s => s.Value).ToArray(), now], ct);

    /// <summary>
    /// The communes that place the company, as the zone rule places it (its open establishments,
    /// else all of them): distinct, in alphabetical order, at most <see cref="CompanySearchEntry.MaxCommunes"/>.
    /// </summary>
    public static IReadOnlyList<string> Communes(IEnumerable<(string? Commune, bool Open)> establishments)
    {
        var all = establishments.Where(e => e.Commune is not null).ToList();
        var placing = all.Any(e => e.Open) ? all.Where(e => e.Open) : all;
        return placing.Select(e => e.Commune!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Take(CompanySearchEntry.MaxCommunes).ToList();
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
