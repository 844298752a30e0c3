using System.Collections.Concurrent;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>
/// Stands for a bug and its fix: while <see cref="Fixed"/> is false the consumer refuses negative
/// entries. Counts the successful handlings per MessageId, to prove a replay is processed once.
/// </summary>
public sealed class PoisonSwitch
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();

    public volatile bool Fixed;

    public void Handled(Guid messageId) => _handled.AddOrUpdate(messageId, 1, (_, n) => n + 1);

    public int TimesHandled(Guid messageId) => _handled.GetValueOrDefault(messageId);
}
