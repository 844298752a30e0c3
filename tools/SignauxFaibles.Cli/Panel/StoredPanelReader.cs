using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Cli.Panel;

/// <summary>What the feature store says of its panel besides the series (see the service's PanelState, DirtyCompany).</summary>
/// <param name="AsOf">The panel's last month (<c>panel_state.as_of</c>), null before the first computation.</param>
/// <param name="ContributionsThrough">The latest month delivered contributions cover.</param>
/// <param name="Pending">Companies marked for recomputation: while not 0 the stored panel is not settled.</param>
internal sealed record StoredPanelState(string? AsOf, string? ContributionsThrough, long Pending);

/// <summary>
/// Reads the feature service's stored panel (<c>panel_series</c>) a batch of companies at a time, so
/// memory holds one batch and never the panel. Every read runs in one read-only repeatable-read
/// transaction: the dump is one state of the store even while the service keeps writing.
/// Plain SQL rather than the service's DbContext: the CLI must not pull in the service's host.
/// </summary>
internal sealed class StoredPanelReader(NpgsqlConnection connection, int batchSize = StoredPanelReader.DefaultBatchSize) : IAsyncDisposable
{
    /// <summary>A few hundred companies: a few megabytes of series per round trip.</summary>
    public const int DefaultBatchSize = 500;

    private NpgsqlTransaction? _snapshot;

    public async Task<StoredPanelState> StateAsync(CancellationToken ct)
    {
        await BeginAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT value FROM panel_state WHERE name = 'as_of'),
                   (SELECT value FROM panel_state WHERE name = 'contributions_through'),
                   (SELECT count(*) FROM dirty_companies)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new StoredPanelState(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2));
    }

    /// <summary>Every company with stored series, in SIREN order, with its series (SIRET "" = the company's own).</summary>
    public async IAsyncEnumerable<(Siren Siren, List<(string Siret, byte[] Months)> Series)> CompaniesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await BeginAsync(ct);
        var after = string.Empty;
        while (true)
        {
            var sirens = await NextSirensAsync(after, ct);
            if (sirens.Length == 0) yield break;
            var bySiren = sirens.ToDictionary(s => s, _ => new List<(string, byte[])>(), StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT siren, siret, months FROM panel_series WHERE siren = ANY(@s)", connection))
            {
                command.Parameters.AddWithValue("s", sirens);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) bySiren[reader.GetString(0)].Add((reader.GetString(1), (byte[])reader.GetValue(2)));
            }
            // SIRENs are nine digits, so the database's collation orders them as ordinal comparison
            // does (the offline build's order); sorting the batch again costs nothing and states it.
            foreach (var siren in sirens.Order(StringComparer.Ordinal)) yield return (Siren.Parse(siren), bySiren[siren]);
            after = sirens[^1];
        }
    }

    /// <summary>The next batch of SIRENs after <paramref name="after"/>, read along the primary key (siren, siret).</summary>
    private async Task<string[]> NextSirensAsync(string after, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT DISTINCT siren FROM panel_series WHERE siren > @after ORDER BY siren LIMIT @n", connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("n", batchSize);
        var sirens = new List<string>(batchSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) sirens.Add(reader.GetString(0));
        return [.. sirens];
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        if (_snapshot is not null) return;
        _snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection);
        await readOnly.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_snapshot is not null) await _snapshot.DisposeAsync();
    }
}
