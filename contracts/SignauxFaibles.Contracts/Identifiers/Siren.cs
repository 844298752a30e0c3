using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Identifiers;

/// <summary>
/// A company identifier (9 digits). The Luhn checksum is exposed, not enforced: sources carry
/// provisional identifiers that we must keep and count rather than drop.
/// </summary>
[JsonConverter(typeof(SirenJsonConverter))]
public readonly record struct Siren : IComparable<Siren>
{
    /// <summary>La Poste's SIREN: its establishments use a digit-sum rule instead of Luhn.</summary>
    public const string LaPoste = "356000000";

    private Siren(string value) => Value = value;

    public string Value { get; }

    public bool HasValidChecksum => Luhn.IsValid(Value);

    public static Siren Parse(string value) =>
        TryParse(value, out var siren)
            ? siren
            : throw new FormatException($"'{value}' is not a SIREN: 9 digits expected.");

    public static bool TryParse([NotNullWhen(true)] string? value, out Siren siren)
    {
        if (value is not null && Luhn.IsAllDigits(value, 9))
        {
            siren = new Siren(value);
            return true;
        }
        siren = default;
        return false;
    }

    public int CompareTo(Siren other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
