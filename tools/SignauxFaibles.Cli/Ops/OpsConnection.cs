using System.CommandLine;
using Spectre.Console;
using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// Where sf ops finds the platform: options, else the variables deploy/local/servers.sh writes
/// (SF_RABBITMQ, SF_RABBITMQ_MANAGEMENT, SF_POSTGRES), else the local scripts' ports.
/// </summary>
internal static class OpsConnection
{
    public static readonly Option<string?> RabbitMq = new("--rabbitmq")
    {
        Description = "amqp://user:password@host:port/vhost of the broker (default $SF_RABBITMQ, else amqp://127.0.0.1:5673/).",
        Recursive = true,
    };

    public static readonly Option<string?> Management = new("--management")
    {
        Description = "http://user:password@host:port/ of the RabbitMQ management API (default $SF_RABBITMQ_MANAGEMENT, else port 15673 of the broker's host).",
        Recursive = true,
    };

    public static readonly Option<string?> Postgres = new("--postgres")
    {
        Description = "Npgsql connection string of the services' PostgreSQL server, without database (default $SF_POSTGRES).",
        Recursive = true,
    };

    public static BrokerAddress Broker(ParseResult parse)
    {
        var amqp = new Uri(parse.GetValue(RabbitMq) ?? Environment.GetEnvironmentVariable("SF_RABBITMQ") ?? "amqp://127.0.0.1:5673/");
        var management = parse.GetValue(Management) ?? Environment.GetEnvironmentVariable("SF_RABBITMQ_MANAGEMENT") ?? $"http://{amqp.Host}:15673/";
        return new BrokerAddress(amqp, new Uri(management));
    }

    public static string PostgresServer(ParseResult parse) =>
        parse.GetValue(Postgres) ?? Environment.GetEnvironmentVariable("SF_POSTGRES") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    /// <summary>A Spectre console writing to the command's output (a terminal, a pipe or a test's writer).</summary>
    public static IAnsiConsole Console(ParseResult parse)
    {
        var terminal = ReferenceEquals(parse.InvocationConfiguration.Output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // A pipe or a file has no width: 80 columns would abbreviate the tables.
        if (!terminal) console.Profile.Width = 160;
        return console;
    }
}
