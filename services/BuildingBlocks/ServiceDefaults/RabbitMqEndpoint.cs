namespace SignauxFaibles.ServiceDefaults;

/// <summary>The parts of an <c>amqp://user:password@host:port/vhost</c> URI.</summary>
public sealed record RabbitMqEndpoint(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqEndpoint Parse(Uri uri)
    {
        if (uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new FormatException($"RabbitMQ connection string must be an amqp:// URI, not '{uri.Scheme}://'.");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var user = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (ushort)5672 : (ushort)uri.Port;
        return new RabbitMqEndpoint(uri.Host, port, vhost.Length == 0 ? "/" : vhost, user, password);
    }
}
