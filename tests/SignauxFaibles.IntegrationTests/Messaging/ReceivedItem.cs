namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>One received <see cref="SequencedItemPublished"/>, numbered in order of arrival.</summary>
public sealed class ReceivedItem
{
    public long Id { get; set; }
    public required string Partition { get; set; }
    public int Sequence { get; set; }
}
