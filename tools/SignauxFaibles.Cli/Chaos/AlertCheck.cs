using System.Text;
using Npgsql;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// No alert missing: the campaign enrols a national officer (roster import, default subscription:
/// every move of the lists) before the load; once settled, that officer's latest inbox entry for each
/// delivered company must carry the company's current level — an entry for every company on a list,
/// and for a company off the lists, none or one saying it left. Duplicates are CampaignChecks' part.
/// </summary>
internal sealed class AlertCheck(string postgresServer, Uri gateway, string secret, TextWriter log)
{
    public const string OfficerEmail = "campagne-nationale@chaos.example.fr";

    public async Task EnrolAsync(CancellationToken ct)
    {
        using var tokens = new TokenClient(gateway);
        var token = await tokens.ClientCredentialsAsync("sf-ops", secret, scope: null, ct);
        using var http = new HttpClient { BaseAddress = gateway }.Authorize(token);
        var roster = new StringBuilder("Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits\n")
            .Append("A;Banque de France;France;Campagne;Nationale;").Append(OfficerEmail).Append(";score\n");
        using var content = new StringContent(roster.ToString(), Encoding.UTF8);
        using var response = await http.PostAsync("notifications/api/officers/roster?fileName=chaos-roster.csv", content, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the campaign's officer could not be enrolled: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    public async Task<List<string>> RunAsync(IReadOnlySet<string> companies, DateTimeOffset since, CancellationToken ct)
    {
        var probe = new ServiceDatabaseProbe(postgresServer, StatusCollector.DefaultDatabasePrefix);
        var sirens = companies.ToArray();
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var scoring = await probe.OpenAsync("sf_scoring", ct))
        {
            await ReadAsync(scoring, "SELECT siren, level FROM standings WHERE siren = ANY(@sirens)", r => levels[r.GetString(0)] = r.GetString(1));
        }
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        await using (var notifications = await probe.OpenAsync("sf_notifications", ct))
        {
            await ReadAsync(notifications, """
                SELECT DISTINCT ON (a.siren) a.siren, a.level FROM alerts a JOIN officers o ON o.id = a.officer_id
                WHERE o.email = @email AND a.created_at >= @since AND a.siren = ANY(@sirens)
                ORDER BY a.siren, a.changed_at DESC, a.created_at DESC
                """, r => latest[r.GetString(0)] = r.GetString(1));
            await ReadAsync(notifications, "SELECT DISTINCT siren FROM establishments WHERE siren = ANY(@sirens)", r => placed.Add(r.GetString(0)));
        }

        var differences = new List<string>();
        foreach (var siren in sirens.Order(StringComparer.Ordinal))
        {
            var level = levels.GetValueOrDefault(siren, "None");
            var alerted = latest.GetValueOrDefault(siren);
            if (level != "None" && !placed.Contains(siren)) differences.Add($"alert {siren}: {level}, but Notifications knows no establishment of it, so no officer could be told");
            else if (level != "None" && alerted != level) differences.Add($"alert {siren}: {level} now, the officer's latest inbox entry says {alerted ?? "nothing"}");
            else if (level == "None" && alerted is not (null or "None")) differences.Add($"alert {siren}: off the lists now, the officer's latest inbox entry still says {alerted}");
        }
        await log.WriteLineAsync($"alerts: {sirens.Length:N0} companies, {levels.Count(l => l.Value != "None" && companies.Contains(l.Key)):N0} on a list, "
            + $"{latest.Count:N0} with an inbox entry of the campaign's officer, {differences.Count} difference(s)");
        return differences;

        async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> row)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("sirens", sirens);
            command.Parameters.AddWithValue("email", OfficerEmail);
            command.Parameters.AddWithValue("since", since);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }
    }
}
