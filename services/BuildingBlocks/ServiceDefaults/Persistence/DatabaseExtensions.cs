using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    public const string ConnectionName = "postgres";

    /// <summary>
    /// The service's own PostgreSQL database from the <c>postgres</c> connection string: snake_case
    /// names, migrations applied at start-up, a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing (ConnectionStrings__{ConnectionName}).");

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TDbContext>((sp, options) => options
            .UseServiceDatabase(connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor>()));

        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("postgres", tags: [HealthExtensions.Ready]);
        return builder;
    }

    /// <summary>Npgsql with our naming conventions; shared by the services and the design-time factories.</summary>
    public static DbContextOptionsBuilder UseServiceDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", "public"))
            .UseSnakeCaseNamingConvention();
}
