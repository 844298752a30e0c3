namespace SignauxFaibles.Messaging.Outbox;

public sealed class OutboxRelayOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>Rows read per round.</summary>
    /// <remarks>Kept small: one row can be a chunk of thousands of records (about 430 KB per thousand débit records).</remarks>
    public int BatchSize { get; set; } = 100;

    /// <summary>Partitions published concurrently (order is kept within a partition).</summary>
    public int MaxConcurrentPublishes { get; set; } = 32;

    /// <summary>Longest wait between two rounds when nobody signals new rows (other instances' writes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for the broker to confirm one message. A publish caught by a connection loss can
    /// wait for a confirmation that never comes; past this it is retried (same MessageId).
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Back-off after the broker or the database failed.</summary>
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed publications (while the broker is up) after which a row is parked and skipped.</summary>
    public int ParkAfterFailures { get; set; } = 10;

    /// <summary>How often the outbox backlog gauges are measured (a count and a primary-key lookup).</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long handled message ids are kept for duplicate detection.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(14);
}
