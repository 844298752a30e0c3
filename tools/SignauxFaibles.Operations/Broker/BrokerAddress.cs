using RabbitMQ.Client;

namespace SignauxFaibles.Operations.Broker;

/// <summary>
/// Where the broker answers: the AMQP URI (its path is the virtual host, as in the services'
/// <c>rabbitmq</c> connection string) and the management API (for queue statistics).
/// </summary>
public sealed record BrokerAddress(Uri Amqp, Uri Management)
{
    public string VirtualHost
    {
        get
        {
            var path = Uri.UnescapeDataString(Amqp.AbsolutePath.TrimStart('/'));
            return path.Length == 0 ? "/" : path;
        }
    }

    public ConnectionFactory CreateConnectionFactory() => new()
    {
        Uri = Amqp,
        ClientProvidedName = "sf-ops",
        // An operator's command must not hang on a broker that does not answer.
        RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Management credentials: those of the management URI, else the AMQP ones.</summary>
    public (string User, string Password) ManagementCredentials
    {
        get
        {
            var info = Management.UserInfo.Length > 0 ? Management.UserInfo : Amqp.UserInfo;
            var parts = info.Split(':', 2);
            return parts[0].Length == 0
                ? ("guest", "guest")
                : (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
        }
    }
}
