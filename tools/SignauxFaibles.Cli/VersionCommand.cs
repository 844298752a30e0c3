using System.CommandLine;
using System.Reflection;

namespace SignauxFaibles.Cli;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of sf and of the message contracts it speaks.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"sf {Informational(typeof(VersionCommand).Assembly)}");
            output.WriteLine($"contracts {Informational(typeof(Contracts.Identifiers.Siren).Assembly)}");
            output.WriteLine($".NET {Environment.Version}");
        });
        return command;
    }

    private static string Informational(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
