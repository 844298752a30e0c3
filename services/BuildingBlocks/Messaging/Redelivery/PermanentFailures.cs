namespace SignauxFaibles.Messaging.Redelivery;

/// <summary>Failures no retry can cure (a message that cannot be read): straight to the error queue.</summary>
public static class PermanentFailures
{
    public static readonly Type[] Types = [typeof(FormatException)];

    public static bool Includes(Exception exception) => Types.Any(t => t.IsInstanceOfType(exception));
}
