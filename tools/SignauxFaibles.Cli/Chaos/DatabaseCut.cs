using Npgsql;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// One service's database refuses every connection for a while, its open ones ended: that service's
/// consumers fail and their messages wait (delayed redelivery) while the rest of the platform goes on.
/// </summary>
internal sealed class DatabaseCut(string postgresServer)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    public async Task RunAsync(string service, CancellationToken ct)
    {
        var database = "sf_" + service;
        await SetAllowedAsync(postgresServer, database, false, ct);
        try
        {
            await Task.Delay(Duration, ct);
        }
        finally
        {
            await SetAllowedAsync(postgresServer, database, true, CancellationToken.None);
        }
    }

    /// <summary>The database refuses every new session (superusers' included) and its current ones are ended; or it takes them again.</summary>
    public static async Task SetAllowedAsync(string postgresServer, string database, bool allowed, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgresServer) { Database = "postgres", ApplicationName = "sf-chaos" }.ConnectionString);
        await admin.OpenAsync(ct);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync(ct);
        }
        if (allowed) return;
        await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
        terminate.Parameters.AddWithValue("db", database);
        await terminate.ExecuteScalarAsync(ct);
    }
}
