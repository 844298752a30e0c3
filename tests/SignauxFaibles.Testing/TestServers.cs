using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace SignauxFaibles.Testing;

/// <summary>
/// Gives integration tests a real RabbitMQ and PostgreSQL, decided once per test run:
/// 1. SF_TEST_RABBITMQ / SF_TEST_POSTGRES (and SF_TEST_RABBITMQ_MANAGEMENT) when set;
/// 2. else the native servers of deploy/local/servers.sh (Debian packages, no Docker);
/// 3. else containers through Testcontainers when a Docker engine answers.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ServerEndpoints? _endpoints;

    public static async Task<ServerEndpoints> GetAsync()
    {
        if (_endpoints is not null) return _endpoints;
        await Gate.WaitAsync();
        try
        {
            return _endpoints ??= await DecideAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<ServerEndpoints> DecideAsync()
    {
        var rabbit = Environment.GetEnvironmentVariable("SF_TEST_RABBITMQ");
        var postgres = Environment.GetEnvironmentVariable("SF_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(rabbit) && !string.IsNullOrWhiteSpace(postgres))
        {
            var management = Environment.GetEnvironmentVariable("SF_TEST_RABBITMQ_MANAGEMENT")
                ?? throw new InvalidOperationException("SF_TEST_RABBITMQ_MANAGEMENT must be set with SF_TEST_RABBITMQ (vhosts are created per test class).");
            return new ServerEndpoints(new Uri(rabbit), new Uri(management), postgres, "environment variables");
        }

        var failures = new List<string>();
        try
        {
            return await StartLocalServersAsync();
        }
        catch (Exception ex)
        {
            failures.Add("local servers: " + ex.Message);
        }
        try
        {
            return await StartContainersAsync();
        }
        catch (Exception ex)
        {
            failures.Add("Testcontainers: " + ex.Message);
        }
        throw new InvalidOperationException("No RabbitMQ/PostgreSQL for integration tests. " + string.Join(" | ", failures));
    }

    private static async Task<ServerEndpoints> StartLocalServersAsync()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "deploy", "local", "servers.sh");
        var start = new ProcessStartInfo("bash", [script, "up"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} up exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
        var env = File.ReadAllLines(Path.Combine(root, ".state", "servers.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new ServerEndpoints(new Uri(env["SF_RABBITMQ"]), new Uri(env["SF_RABBITMQ_MANAGEMENT"]), env["SF_POSTGRES"], "local servers (deploy/local/servers.sh)");
    }

    private static async Task<ServerEndpoints> StartContainersAsync()
    {
        // Containers live as long as the test process; Testcontainers' reaper removes them afterwards.
        var rabbit = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithUsername("guest").WithPassword("guest")
            .WithPortBinding(15672, true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(r => r.ForPort(15672).ForPath("/")))
            .Build();
        var postgres = new PostgreSqlBuilder("postgres:16").Build();
        await Task.WhenAll(rabbit.StartAsync(), postgres.StartAsync());
        var amqp = new Uri($"amqp://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(5672)}/");
        var management = new Uri($"http://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/");
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = null }.ConnectionString;
        return new ServerEndpoints(amqp, management, pg, "Testcontainers");
    }
}
