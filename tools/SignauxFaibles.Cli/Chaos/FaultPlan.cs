namespace SignauxFaibles.Cli.Chaos;

/// <summary>One fault: what is done to which part of the stack.</summary>
internal sealed record Fault(string Kind, string Target)
{
    public const string Kill = "kill";
    public const string Broker = "broker";
    public const string PostgresFast = "postgres-fast";
    public const string PostgresImmediate = "postgres-immediate";
    public const string DatabaseCut = "db-cut";
    public const string Slow = "slow";

    public static readonly string[] Kinds = [Kill, Broker, PostgresFast, PostgresImmediate, DatabaseCut, Slow];

    /// <summary>How long a slowed consumer runs at a fifth of its speed.</summary>
    public static readonly TimeSpan SlowFor = TimeSpan.FromSeconds(45);

    /// <summary>The services whose consumers write to their own database: one of them loses it for a while (<see cref="DatabaseCut"/>), one is slowed (<see cref="Slow"/>).</summary>
    public static readonly string[] Consumers = ["features", "scoring", "notifications"];

    public override string ToString() => Kind == Kill ? $"kill -9 {Target}" : Kind switch
    {
        Broker => "RabbitMQ restart",
        PostgresFast => "PostgreSQL restart (fast shutdown)",
        DatabaseCut => $"database of {Target} refusing every connection for a while",
        Slow => $"{Target} slowed to a fifth of its speed for {SlowFor.TotalSeconds:0} s (SIGSTOP/SIGCONT)",
        _ => "PostgreSQL restart (immediate shutdown: a crash)",
    };
}

/// <summary>
/// The campaign's faults in a seeded order: every service killed once (each in turn), the broker
/// restarted, PostgreSQL restarted fast and immediate, one consumer's database cut, one consumer slowed; each placed at a delivery of the load, so the
/// same seed and files give the same campaign.
/// </summary>
internal static class FaultPlan
{
    public static IReadOnlyList<(int AtDelivery, Fault Fault)> Make(IReadOnlyCollection<string> kinds, IEnumerable<string> services, int deliveries, int seed)
    {
        var faults = new List<Fault>();
        if (kinds.Contains(Fault.Kill)) faults.AddRange(services.Select(s => new Fault(Fault.Kill, s)));
        var random = new Random(seed);
        faults.AddRange(Fault.Kinds.Where(k => k != Fault.Kill && kinds.Contains(k))
            .Select(k => new Fault(k, k is Fault.DatabaseCut or Fault.Slow ? Fault.Consumers[random.Next(Fault.Consumers.Length)] : "")));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(faults));
        // Spread over the load, never before the first delivery has started.
        return faults.Select((f, i) => (AtDelivery: Math.Max(1, (int)((i + 1L) * deliveries / (faults.Count + 1))), f)).ToList();
    }

    /// <summary>A kill of an ingestion service moves to the next delivery it takes (<paramref name="routes"/>: the gateway route of each delivery), so it dies in the middle of a batch.</summary>
    public static List<(int AtDelivery, Fault Fault)> AtOwnDeliveries(IReadOnlyList<(int AtDelivery, Fault Fault)> schedule, IReadOnlyList<string> routes) =>
        schedule.Select(s =>
        {
            if (s.Fault.Kind != Fault.Kill || !s.Fault.Target.StartsWith("ingestion-", StringComparison.Ordinal)) return s;
            var route = s.Fault.Target["ingestion-".Length..];
            var own = Enumerable.Range(s.AtDelivery, routes.Count - s.AtDelivery).Concat(Enumerable.Range(0, s.AtDelivery))
                .Cast<int?>().FirstOrDefault(i => routes[i!.Value] == route);
            return (own ?? s.AtDelivery, s.Fault);
        }).OrderBy(s => s.Item1).ToList();
}
