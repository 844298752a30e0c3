using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.UnitTests.ServiceDefaults;

public sealed class DatabaseAwayTests
{
    private static readonly Exception ConnectionRefused = new NpgsqlException("Failed to connect to 127.0.0.1:5433", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void A_lost_or_refused_connection_or_a_server_going_down_is_the_database_away_even_wrapped()
    {
        Assert.True(DatabaseAway.Is(ConnectionRefused));
        Assert.True(DatabaseAway.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", ConnectionRefused)));
        Assert.True(DatabaseAway.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")));
        Assert.True(DatabaseAway.Is(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")));
    }

    [Fact]
    public void A_wrong_query_or_a_refused_file_is_not()
    {
        Assert.False(DatabaseAway.Is(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505")));
        Assert.False(DatabaseAway.Is(new InvalidDataException("The compressed file is corrupt")));
    }

    [Fact]
    public async Task A_request_failing_because_the_database_is_away_answers_503_with_retry_after()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new DatabaseAwayHandler(services.GetRequiredService<IProblemDetailsService>());

        Assert.True(await handler.TryHandleAsync(http, ConnectionRefused, CancellationToken.None));
        Assert.Equal((503, "5"), (http.Response.StatusCode, http.Response.Headers.RetryAfter.ToString()));
        Assert.Contains("Database unavailable", Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()), StringComparison.Ordinal);

        Assert.False(await new DatabaseAwayHandler(services.GetRequiredService<IProblemDetailsService>())
            .TryHandleAsync(new DefaultHttpContext { RequestServices = services }, new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
