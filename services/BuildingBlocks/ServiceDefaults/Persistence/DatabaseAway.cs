using Npgsql;

namespace SignauxFaibles.ServiceDefaults.Persistence;

/// <summary>A failure that says the database is away for now (restart, failover, connection lost), not that the work is wrong.</summary>
public static class DatabaseAway
{
    /// <summary>Npgsql's transient failures, and the server shutting down, crashed or starting (57P0x) or a connection failure (08xxx), possibly wrapped by EF Core.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or PostgresException { SqlState: ['0', '8', ..] }) return true;
        }
        return false;
    }
}
