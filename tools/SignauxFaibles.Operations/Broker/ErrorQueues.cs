namespace SignauxFaibles.Operations.Broker;

public static class ErrorQueues
{
    public const string Suffix = "_error";

    /// <summary>The endpoint queue an error queue belongs to (<c>features-debit_error</c> → <c>features-debit</c>).</summary>
    public static string EndpointOf(string errorQueue) =>
        errorQueue.EndsWith(Suffix, StringComparison.Ordinal) ? errorQueue[..^Suffix.Length] : errorQueue;
}
