using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SignauxFaibles.ServiceDefaults.Persistence;

/// <summary>
/// Applies pending EF migrations before anything else starts (consumers and the outbox relay
/// need the schema), creating the service's database first when the server allows it.
/// </summary>
internal sealed partial class DatabaseMigrator<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TDbContext>> logger)
    : IHostedLifecycleService
    where TDbContext : DbContext
{
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await CreateDatabaseIfMissingAsync(db.Database.GetConnectionString()!, cancellationToken);
        // EF takes a migration lock, so instances starting together do not apply a migration twice.
        LogMigrating(typeof(TDbContext).Name);
        // A migration that rewrites a large table (a column type change) runs for minutes, far
        // beyond the queries' timeout; it is bounded by the host's start-up cancellation instead.
        db.Database.SetCommandTimeout(MigrationTimeout);
        await db.Database.MigrateAsync(cancellationToken);
    }

    // Checked through the maintenance database, so a first start does not log a connection error.
    // Where the account may not do this (a provisioned database), migrations still run.
    private async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database)) return;
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", target.Database);
            if (await exists.ExecuteScalarAsync(ct) is not null) return;
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            LogCreated(target.Database);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.InsufficientPrivilege
                                               or PostgresErrorCodes.InvalidCatalogName)
        {
            // Another instance created it, or this account cannot: MigrateAsync decides.
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying pending migrations of {Context}")]
    private partial void LogMigrating(string context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private partial void LogCreated(string database);
}
