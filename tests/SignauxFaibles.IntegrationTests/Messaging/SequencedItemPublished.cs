namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>Test message: the n-th message of a partition (think: the n-th update of one company).</summary>
public sealed record SequencedItemPublished(string Partition, int Sequence);
