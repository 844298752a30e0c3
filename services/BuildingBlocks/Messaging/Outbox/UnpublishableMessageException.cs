namespace SignauxFaibles.Messaging.Outbox;

/// <summary>An outbox row this service can never publish as it is (e.g. its type was renamed or removed).</summary>
public sealed class UnpublishableMessageException(string message) : Exception(message);
