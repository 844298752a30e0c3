namespace SignauxFaibles.Testing;

/// <summary>A service's broker permissions, read from the table deployments use (deploy/broker/permissions.tsv).</summary>
public sealed record BrokerPermissions(string User, string Configure, string Write, string Read)
{
    public static string TablePath => Path.Combine(RepositoryRoot.Find(), "deploy", "broker", "permissions.tsv");

    public static IReadOnlyList<BrokerPermissions> All() =>
        File.ReadLines(TablePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => cells.Length == 4
                ? new BrokerPermissions(cells[0], cells[1], cells[2], cells[3])
                : throw new FormatException($"{TablePath}: expected 4 tab-separated columns, found {cells.Length}: {string.Join(" | ", cells)}"))
            .ToList();

    public static BrokerPermissions Of(string user) =>
        All().SingleOrDefault(p => p.User == user)
        ?? throw new InvalidOperationException($"No broker user '{user}' in {TablePath}.");
}
