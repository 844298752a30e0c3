namespace SignauxFaibles.Operations.DeadLetters;

/// <summary>Which messages of an error queue an action applies to: all of them, or the given MessageIds.</summary>
public sealed record DeadLetterSelection(bool All, IReadOnlySet<string> MessageIds)
{
    public static DeadLetterSelection Everything { get; } = new(true, new HashSet<string>());

    public static DeadLetterSelection Of(IEnumerable<string> messageIds) =>
        new(false, new HashSet<string>(messageIds, StringComparer.OrdinalIgnoreCase));

    public bool Includes(DeadLetter letter) => All || MessageIds.Contains(letter.MessageId);
}

/// <summary>What an action did: the messages it handled, those it could not, and requested ids never found.</summary>
public sealed record DeadLetterActionResult(
    IReadOnlyList<DeadLetter> Done,
    IReadOnlyList<(DeadLetter Letter, string Error)> Failed,
    IReadOnlyList<string> NotFound);
