using Npgsql;
using SignauxFaibles.Cli.Model;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// The companies' current scores and levels against those of an undisturbed run: the offline panel
/// of the same files scored with the active model under the service's rules (<c>sf model score</c>'s
/// code, levels held against the last published list as the service holds them). That offline list
/// is the undisturbed run's: EndToEnd/ScorableMonthListTests proves a clean live run gives it.
/// </summary>
internal sealed class ScoreCheck(string postgresServer, Uri gateway, string secret, TextWriter log)
{
    // Live scores come from the same model on the same indicator values; only float rounding may differ.
    private const double ProbabilityTolerance = 1e-6;

    public async Task<List<string>> RunAsync(string offlineCompanyCsv, YearMonth month, IReadOnlySet<string> companies, CancellationToken ct)
    {
        var probe = new ServiceDatabaseProbe(postgresServer, StatusCollector.DefaultDatabasePrefix);
        await using var connection = await probe.OpenAsync("sf_scoring", ct);
        var previous = await PublishedBeforeAsync(connection, month, ct);
        var model = await ActiveModelAsync(ct);
        List<ScoredCompany> reference;
        using (var reader = new StreamReader(offlineCompanyCsv))
            reference = PanelMonthScorer.Score(model, PanelMonthReader.Read(reader, Path.GetFileName(offlineCompanyCsv), month.ToString()), previous).ToList();
        var live = await StandingsAsync(connection, companies, ct);

        var differences = new List<string>();
        foreach (var expected in reference)
        {
            if (!live.TryGetValue(expected.Siren, out var standing))
            {
                differences.Add($"score {expected.Siren}: no live standing; the undisturbed run gives {Describe(expected)}");
                continue;
            }
            live.Remove(expected.Siren);
            var same = standing.Month == month.ToString() && standing.Level == LevelName(expected.Level) && standing.Reason == expected.NotScoredReason
                && (expected.Score is null ? standing.Probability is null
                    : standing.Probability is { } p && Math.Abs(p - expected.Score.Probability) <= ProbabilityTolerance);
            if (!same)
            {
                differences.Add($"score {expected.Siren}: live {standing.Month} {standing.Level} p={standing.Probability:F6} {standing.Reason}; "
                    + $"the undisturbed run gives {month} {Describe(expected)}");
            }
        }
        foreach (var (siren, standing) in live) differences.Add($"score {siren}: live standing {standing.Month} {standing.Level} the undisturbed run has no row for at {month}");
        await log.WriteLineAsync($"scores: {reference.Count:N0} companies at {month} compared with the undisturbed run ({reference.Count(r => r.Score is not null):N0} scored, "
            + $"{reference.Count(r => r.Level == AlertLevel.Red):N0} red, {reference.Count(r => r.Level == AlertLevel.Orange):N0} orange; model {model.Manifest.Name}), {differences.Count} difference(s)");
        return differences;
    }

    private static string Describe(ScoredCompany company) => company.Score is { } score
        ? $"{LevelName(company.Level)} p={score.Probability:F6}"
        : $"None (not scored: {company.NotScoredReason})";

    /// <summary>The names the scoring service stores (RiskLevel).</summary>
    private static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.Red => "High",
        AlertLevel.Orange => "Moderate",
        _ => "None",
    };

    private async Task<ScoringModel> ActiveModelAsync(CancellationToken ct)
    {
        using var tokens = new TokenClient(gateway);
        var token = await tokens.ClientCredentialsAsync("sf-ops", secret, scope: null, ct);
        return await ModelScoreCommand.ActiveAsync(gateway, token, log, ct);
    }

    /// <summary>Levels of the latest list published before <paramref name="month"/>, which hold this month's levels (PublishedLevels).</summary>
    private static async Task<Dictionary<string, AlertLevel>?> PublishedBeforeAsync(NpgsqlConnection connection, YearMonth month, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT siren, level FROM published_list_entries
            WHERE month = (SELECT max(month) FROM published_lists WHERE month < @month)
            """, connection);
        command.Parameters.AddWithValue("month", month.FirstDay);
        var levels = new Dictionary<string, AlertLevel>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            levels[reader.GetString(0)] = reader.GetString(1) switch { "High" => AlertLevel.Red, "Moderate" => AlertLevel.Orange, _ => AlertLevel.None };
        return levels.Count == 0 ? null : levels;
    }

    private sealed record Standing(string Month, string Level, double? Probability, string? Reason);

    private static async Task<Dictionary<string, Standing>> StandingsAsync(NpgsqlConnection connection, IReadOnlySet<string> companies, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT siren, month, level, probability, not_scored_reason FROM standings WHERE siren = ANY(@sirens)", connection);
        command.Parameters.AddWithValue("sirens", companies.ToArray());
        var standings = new Dictionary<string, Standing>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            standings[reader.GetString(0)] = new Standing(YearMonth.Of(reader.GetDateTime(1)).ToString(), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        return standings;
    }
}
