using System.Text.Json.Serialization;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Scoring.Search;

[JsonConverter(typeof(JsonStringEnumConverter<SearchKind>))]
public enum SearchKind
{
    /// <summary>Nine digits: one company.</summary>
    Siren,

    /// <summary>Fourteen digits: one establishment, answered with its company.</summary>
    Siret,

    /// <summary>Part of a name, usual name or commune.</summary>
    Text,
}

/// <summary>
/// What an officer typed, classified: a SIREN or a SIRET however it was spaced or dotted
/// ("552 100 554", "552.100.554.00025"), else words of a name or a commune, normalised as the
/// index is (<see cref="SearchText"/>).
/// </summary>
public sealed record CompanySearchQuery(SearchKind Kind, string Normalised, IReadOnlyList<string> Words)
{
    public const int MinimumLength = 3;

    public Siren Siren => Kind switch
    {
        SearchKind.Siren => Siren.Parse(Normalised),
        SearchKind.Siret => Siret.Parse(Normalised).Siren,
        _ => throw new InvalidOperationException("A text query names no company."),
    };

    /// <summary>The query, or the reason it cannot be run (too short).</summary>
    public static CompanySearchQuery? Parse(string? raw, out string? refusal)
    {
        refusal = null;
        var text = raw?.Trim() ?? "";
        var compact = string.Concat(text.Where(c => !(char.IsWhiteSpace(c) || c is '.' or '-' or '/' or '\u00a0' or '\u202f')));
        if (compact.Length > 0 && compact.All(char.IsAsciiDigit))
        {
            if (compact.Length == 9) return new(SearchKind.Siren, compact, [compact]);
            if (compact.Length == 14) return new(SearchKind.Siret, compact, [compact]);
        }
        var normalised = SearchText.Normalise(text);
        if (SearchText.Significant(normalised) < MinimumLength)
        {
            refusal = $"The search needs at least {MinimumLength} letters or digits: a SIREN (9 digits), a SIRET (14 digits), or part of a name or commune.";
            return null;
        }
        // A long paste is cut: names are at most 200 characters.
        if (normalised.Length > 200) normalised = normalised[..200].TrimEnd();
        return new(SearchKind.Text, normalised, SearchText.Words(normalised));
    }
}
