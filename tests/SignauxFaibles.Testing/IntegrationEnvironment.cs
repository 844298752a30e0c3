using Npgsql;
using Xunit;

namespace SignauxFaibles.Testing;

/// <summary>
/// A test class's own RabbitMQ virtual host and PostgreSQL databases on the shared test servers,
/// so test classes running in parallel never see each other's messages or rows. Use it as an
/// xunit class fixture, or create extra ones with <see cref="CreateAsync"/>.
/// </summary>
public sealed class IntegrationEnvironment : IAsyncLifetime
{
    private readonly string _id = "t" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _databases = [];
    private ServerEndpoints? _servers;
    private RabbitMqManagement? _management;

    public ServerEndpoints Servers => _servers ?? throw new InvalidOperationException("Not initialised.");

    public RabbitMqManagement Management => _management ?? throw new InvalidOperationException("Not initialised.");

    public string VirtualHost => _id;

    /// <summary>amqp URI of this environment's virtual host.</summary>
    public string RabbitMqConnectionString => new UriBuilder(Servers.RabbitMq) { Path = "/" + _id }.Uri.ToString();

    /// <summary>
    /// amqp URI of this virtual host for the broker user of <paramref name="service"/>, created with
    /// the permissions production gives it (deploy/broker/permissions.tsv): a service under test that
    /// touches an exchange or queue outside its rights fails here as it would in production.
    /// </summary>
    public string BrokerConnectionString(string service)
    {
        lock (_brokerUsers)
        {
            if (!_brokerUsers.Contains(service))
            {
                var grant = BrokerPermissions.Of(service);
                Management.SetUserAsync(BrokerUser(service), BrokerPassword(service), _id, grant.Configure, grant.Write, grant.Read)
                    .ConfigureAwait(false).GetAwaiter().GetResult();
                _brokerUsers.Add(service);
            }
        }
        return new UriBuilder(Servers.RabbitMq) { UserName = BrokerUser(service), Password = BrokerPassword(service), Path = "/" + _id }.Uri.ToString();
    }

    // Users are broker-wide (permissions are per virtual host): each environment has its own, named
    // after it, so tests running side by side, or a local stack on the same broker, never share one.
    private string BrokerUser(string service) => $"{_id}-{service}";

    private static string BrokerPassword(string service) => "test-" + service;

    private readonly HashSet<string> _brokerUsers = [];

    public static async Task<IntegrationEnvironment> CreateAsync()
    {
        var environment = new IntegrationEnvironment();
        await environment.InitializeAsync();
        return environment;
    }

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _management = new RabbitMqManagement(_servers.RabbitMqManagement);
        var user = Uri.UnescapeDataString(_servers.RabbitMq.UserInfo.Split(':')[0]);
        await _management.CreateVirtualHostAsync(_id, user);
    }

    /// <summary>Connection string of a database of this environment (created by the service's migrations).</summary>
    public string DatabaseConnectionString(string name)
    {
        var database = $"{_id}_{name}".ToLowerInvariant();
        if (!_databases.Contains(database)) _databases.Add(database);
        return new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_servers is null) return;
        await Management.DeleteVirtualHostAsync(_id);
        foreach (var service in _brokerUsers) await Management.DeleteUserAsync(BrokerUser(service));
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        _management?.Dispose();
    }
}
