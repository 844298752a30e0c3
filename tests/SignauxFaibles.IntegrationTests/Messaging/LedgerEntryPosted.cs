namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>Test message: adds <see cref="Amount"/> to an account; applied twice, it would show in the totals.</summary>
public sealed record LedgerEntryPosted(int Account, long Amount);
