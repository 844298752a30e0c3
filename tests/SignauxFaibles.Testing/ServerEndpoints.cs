namespace SignauxFaibles.Testing;

/// <summary>Where the test servers answer.</summary>
/// <param name="RabbitMq">amqp://user:password@host:port/ (the vhost is added per test class).</param>
/// <param name="RabbitMqManagement">http://user:password@host:port/ of the management API.</param>
/// <param name="Postgres">Npgsql connection string without a database.</param>
/// <param name="Origin">Which way they were obtained, for the test log.</param>
public sealed record ServerEndpoints(Uri RabbitMq, Uri RabbitMqManagement, string Postgres, string Origin);
