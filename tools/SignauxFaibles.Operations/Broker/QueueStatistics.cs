namespace SignauxFaibles.Operations.Broker;

/// <summary>One queue as the management API reports it (statistics lag the broker by a few seconds).</summary>
public sealed record QueueStatistics(string Name, long Ready, long Unacknowledged, int Consumers, double PublishRate, double DeliverRate)
{
    public long Depth => Ready + Unacknowledged;

    /// <summary>MassTransit parks messages whose handling failed in <c>&lt;endpoint&gt;_error</c>.</summary>
    public bool IsErrorQueue => Name.EndsWith(ErrorQueues.Suffix, StringComparison.Ordinal);

    /// <summary>MassTransit's <c>_skipped</c> queues hold messages no consumer of the endpoint knew.</summary>
    public bool IsSkippedQueue => Name.EndsWith("_skipped", StringComparison.Ordinal);
}
