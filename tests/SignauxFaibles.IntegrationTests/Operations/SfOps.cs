using System.CommandLine;
using SignauxFaibles.Cli;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>Runs <c>sf ops ...</c> in-process against a test environment's broker, as an operator would.</summary>
internal static class SfOps
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(IntegrationEnvironment env, string? auditLog, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] connection =
        [
            "--rabbitmq", env.RabbitMqConnectionString,
            "--management", env.Servers.RabbitMqManagement.ToString(),
            "--postgres", env.Servers.Postgres,
            .. auditLog is null ? Array.Empty<string>() : ["--audit-log", auditLog],
        ];
        var exit = await SfCommand.Create().Parse(["ops", .. args, .. connection])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
