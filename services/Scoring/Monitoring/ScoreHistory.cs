using Microsoft.EntityFrameworkCore;
using Npgsql;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>
/// The stored scores of the latest months, counted in the database (a national month is a million
/// rows; the monitor reads a few thousand cells). A company scored several times in a month counts
/// once, with its latest score; its région is its current one (<c>unknown</c> when no establishment
/// of it is known).
/// </summary>
public sealed class ScoreHistory(ScoringDbContext db)
{
    public async Task<IReadOnlyList<ScoreCell>> CellsAsync(int months, double[] bandCuts, CancellationToken ct)
    {
        const string cells = """
            select s.month, coalesce(st.region, 'unknown'), s.level, width_bucket(s.probability, @cuts), count(*)
            from (select distinct on (siren, month) siren, month, level, probability from scores
                  where month > (select max(month) from scores) - make_interval(months => @months)
                  order by siren, month, id desc) s
            left join standings st on st.siren = s.siren
            group by 1, 2, 3, 4
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(cells, connection);
        command.Parameters.AddWithValue("cuts", bandCuts);
        command.Parameters.AddWithValue("months", months);
        var result = new List<ScoreCell>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add(new ScoreCell(YearMonth.Of(reader.GetFieldValue<DateOnly>(0)), reader.GetString(1),
                Enum.Parse<RiskLevel>(reader.GetString(2)), reader.GetInt32(3), reader.GetInt64(4)));
        return result;
    }
}
