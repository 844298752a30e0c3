using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Identifiers;

/// <summary>
/// An establishment identifier (14 digits: SIREN + 5-digit NIC). Checksum and pseudo-SIRET
/// status are properties, never reasons to reject a record.
/// </summary>
[JsonConverter(typeof(SiretJsonConverter))]
public readonly record struct Siret : IComparable<Siret>
{
    private Siret(string value) => Value = value;

    public string Value { get; }

    public Siren Siren => Siren.Parse(Value[..9]);

    public string Nic => Value[9..];

    /// <summary>
    /// Luhn over the 14 digits; for La Poste (SIREN 356000000) the sum of the digits must be a
    /// multiple of 5 instead (its head office also passes Luhn, so either is accepted there).
    /// </summary>
    public bool HasValidChecksum
    {
        get
        {
            if (!Value.StartsWith(Siren.LaPoste, StringComparison.Ordinal)) return Luhn.IsValid(Value);
            var sum = 0;
            foreach (var c in Value) sum += c - '0';
            return sum % 5 == 0 || Luhn.IsValid(Value);
        }
    }

    /// <summary>URSSAF forges SIRETs for temporary-work activities: NIC starting with 5, 6, 7 or 9.</summary>
    public bool IsPseudo => Value[9] is '5' or '6' or '7' or '9';

    public static Siret Parse(string value) =>
        TryParse(value, out var siret)
            ? siret
            : throw new FormatException($"'{value}' is not a SIRET: 14 digits expected.");

    public static bool TryParse([NotNullWhen(true)] string? value, out Siret siret)
    {
        if (value is not null && Luhn.IsAllDigits(value, 14))
        {
            siret = new Siret(value);
            return true;
        }
        siret = default;
        return false;
    }

    public int CompareTo(Siret other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? string.Empty;
}
