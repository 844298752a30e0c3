using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Scoring.Lists;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// Writes scoring results inside the caller's transaction: scores by binary COPY, standings by
/// one upsert from a COPY-filled temporary table, and through the outbox a
/// <see cref="RiskLevelChanged"/> for each company whose level moved (and, on the online path, a
/// <see cref="RiskScored"/> per company). The same code serves one message and a whole rescore.
/// Levels are first held steady against the last published list (<see cref="PublishedLevels"/>).
/// </summary>
public sealed class ScoreStore(ScoringDbContext db, IOutbox outbox, TimeProvider clock, PublishedLevels levels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>How many companies changed level.</returns>
    public async Task<int> WriteAsync(ActiveModel active, IReadOnlyList<ScoringResult> results, bool publishScores, string path, CancellationToken ct)
    {
        if (results.Count == 0) return 0;
        results = await levels.StabiliseAsync(active, results, ct);
        var now = clock.GetUtcNow();
        var sirens = results.Select(r => r.Input.Siren).ToArray();
        var previous = await db.Standings.AsNoTracking().Where(s => sirens.Contains(s.Siren)).ToDictionaryAsync(s => s.Siren, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        await using (var scores = await connection.BeginBinaryImportAsync(
            "copy scores (siren, month, model_version_id, model_version, probability, margin, baseline, level, themes, top_features, scored_at) from stdin (format binary)", ct))
        {
            foreach (var r in results.Where(r => r.Score is not null))
            {
                await scores.StartRowAsync(ct);
                await scores.WriteAsync(r.Input.Siren.Value, NpgsqlDbType.Varchar, ct);
                await scores.WriteAsync(r.Input.Month.FirstDay, NpgsqlDbType.Date, ct);
                await scores.WriteAsync(active.VersionId, NpgsqlDbType.Integer, ct);
                await scores.WriteAsync(active.Version, NpgsqlDbType.Varchar, ct);
                await scores.WriteAsync(r.Score!.Probability, NpgsqlDbType.Double, ct);
                await scores.WriteAsync(r.Score.Margin, NpgsqlDbType.Double, ct);
                await scores.WriteAsync(r.Baseline, NpgsqlDbType.Double, ct);
                await scores.WriteAsync(r.Level.ToString(), NpgsqlDbType.Varchar, ct);
                await scores.WriteAsync(r.Themes, NpgsqlDbType.Array | NpgsqlDbType.Double, ct);
                await scores.WriteAsync(JsonSerializer.Serialize(r.TopFeatures, Json), NpgsqlDbType.Json, ct);
                await scores.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            await scores.CompleteAsync(ct);
        }

        // A company left unscored for the same reason on the same month keeps its standing as it
        // is: a rescore then rewrites only the scored companies, not the whole country outside the perimeter.
        var standings = results
            .Select(r => (Result: r, Before: previous.GetValueOrDefault(r.Input.Siren), Next: Next(r, previous.GetValueOrDefault(r.Input.Siren), active, now)))
            .Where(s => s.Result.Score is not null || !Same(s.Before, s.Next))
            .Select(s => s.Next).ToArray();
        await UpsertStandingsAsync(connection, standings, ct);

        var changes = 0;
        foreach (var r in results)
        {
            var before = previous.GetValueOrDefault(r.Input.Siren)?.Level ?? RiskLevel.None;
            if (r.Score is not null)
            {
                ScoringMetrics.Scored(r.Level, path);
                if (publishScores)
                    outbox.Publish(new RiskScored(r.Input.Siren, r.Input.Month, r.Score.Probability, r.Level, active.Version, r.ThemeContributions, r.TopFeatures, now), r.Input.Siren.Value);
            }
            if (before == r.Level) continue;
            changes++;
            ScoringMetrics.Changed(before, r.Level);
            // A span per change, tagged with the company, written as the outbox row's parent: the
            // alert's routing hangs under it, and `sf ops trace SIREN` finds the delivery that moved it.
            // Only inside a trace: a rescore's thousands of changes would each start one of their own.
            using var change = Activity.Current is null ? null : ScoringMetrics.Traces.StartActivity("level change");
            change?.SetTag(TraceTags.Siren, r.Input.Siren.Value);
            change?.SetTag("sf.level", $"{before} → {r.Level}");
            outbox.Publish(new RiskLevelChanged(r.Input.Siren, r.Input.Month, before, r.Level, r.Score?.Probability ?? 0, active.Version,
                r.ThemeContributions, r.TopFeatures, now), r.Input.Siren.Value);
        }
        return changes;
    }

    private static CompanyStanding Next(ScoringResult r, CompanyStanding? before, ActiveModel active, DateTimeOffset now)
    {
        var input = r.Input;
        var headcount = input.Layout.Get(input.Values, "effectif_ent");
        var turnover = input.Layout.Get(input.Values, "ca");
        var previousLevel = before is null ? RiskLevel.None : before.Month == input.Month ? before.PreviousLevel : before.Level;
        return new CompanyStanding
        {
            Siren = input.Siren, Month = input.Month, Level = r.Level, Probability = r.Score?.Probability,
            ModelVersion = r.Score is null ? null : active.Version, NotScoredReason = r.NotScoredReason,
            FirstAlertMonth = before?.FirstAlertMonth ?? (r.Level != RiskLevel.None ? input.Month : null),
            PreviousLevel = previousLevel,
            // Place and sector: the labels of the scored month's snapshot.
            Departement = input.Labels?.GetValueOrDefault("departement"), Region = input.Labels?.GetValueOrDefault("region"),
            NafSection = input.Labels?.GetValueOrDefault("naf_section"), NafCode = input.Labels?.GetValueOrDefault("code_naf"),
            Headcount = float.IsNaN(headcount) ? null : headcount, SizeClass = SizeClasses.Of(headcount),
            Turnover = float.IsNaN(turnover) ? null : turnover,
            MainTheme = r.MainTheme, UpdatedAt = now,
        };
    }

    /// <summary>Whether <paramref name="next"/> would change nothing of <paramref name="before"/> but its time.</summary>
    private static bool Same(CompanyStanding? before, CompanyStanding next) =>
        before is not null && before.Month == next.Month && before.Level == next.Level && before.Probability == next.Probability
        && before.ModelVersion == next.ModelVersion && before.NotScoredReason == next.NotScoredReason
        && before.FirstAlertMonth == next.FirstAlertMonth && before.PreviousLevel == next.PreviousLevel
        && before.Headcount == next.Headcount && before.Turnover == next.Turnover && before.SizeClass == next.SizeClass
        && before.MainTheme == next.MainTheme && before.Departement == next.Departement && before.Region == next.Region
        && before.NafSection == next.NafSection && before.NafCode == next.NafCode;

    private static async Task UpsertStandingsAsync(NpgsqlConnection connection, IReadOnlyList<CompanyStanding> standings, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "create temporary table if not exists standings_in (like standings including defaults) on commit delete rows", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy standings_in (siren, month, level, probability, model_version, not_scored_reason, first_alert_month, previous_level, departement, region, naf_section, naf_code, headcount, turnover, size_class, main_theme, updated_at) from stdin (format binary)", ct))
        {
            foreach (var s in standings)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.Siren.Value, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(s.Month.FirstDay, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(s.Level.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.Probability, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, s.ModelVersion, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.NotScoredReason, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.FirstAlertMonth?.FirstDay, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(s.PreviousLevel.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.Departement, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.Region, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.NafSection, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.NafCode, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.Headcount, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, s.Turnover, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, s.SizeClass, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(copy, s.MainTheme, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(s.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        const string upsert = """
            insert into standings (siren, month, level, probability, model_version, not_scored_reason, first_alert_month, previous_level,
                                   departement, region, naf_section, naf_code, headcount, turnover, size_class, main_theme, updated_at)
            select siren, month, level, probability, model_version, not_scored_reason, first_alert_month, previous_level,
                   departement, region, naf_section, naf_code, headcount, turnover, size_class, main_theme, updated_at
            from standings_in order by siren
            on conflict (siren) do update set
                month = excluded.month, level = excluded.level, probability = excluded.probability, model_version = excluded.model_version,
                not_scored_reason = excluded.not_scored_reason, first_alert_month = excluded.first_alert_month,
                previous_level = excluded.previous_level, departement = excluded.departement, region = excluded.region,
                naf_section = excluded.naf_section, naf_code = excluded.naf_code, headcount = excluded.headcount, turnover = excluded.turnover,
                size_class = excluded.size_class, main_theme = excluded.main_theme, updated_at = excluded.updated_at
            """;
        await using var command = new NpgsqlCommand(upsert, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}

/// <summary>The French company size classes, from the company's headcount.</summary>
public static class SizeClasses
{
    public static readonly IReadOnlyList<string> All = ["micro", "PME", "ETI", "GE"];

    public static string? Of(float headcount) => float.IsNaN(headcount) ? null
        : headcount < 10 ? "micro" : headcount < 250 ? "PME" : headcount < 5000 ? "ETI" : "GE";
}
