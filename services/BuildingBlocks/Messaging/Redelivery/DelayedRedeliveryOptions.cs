namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>
/// Delayed redelivery: after the immediate retries, a message that still fails goes back to the
/// broker and is delivered again after each of <see cref="Delays"/> in turn, then to the error queue.
/// </summary>
public sealed class DelayedRedeliveryOptions
{
    public const string Section = "Messaging:Redelivery";

    /// <summary>1, 5 and 15 minutes: a database failover or restart (seconds to minutes) costs no dead letter.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];

    /// <summary>Waits before each redelivery (whole seconds); none configured means <see cref="DefaultDelays"/>.</summary>
    public TimeSpan[]? Delays { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveDelays => Delays is { Length: > 0 } ? Delays : DefaultDelays;
}
