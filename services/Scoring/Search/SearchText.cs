using System.Globalization;
using System.Text;

namespace SignauxFaibles.Scoring.Search;

/// <summary>
/// The form in which names, usual names and communes are indexed and queries are compared to
/// them: lower case, accents and ligatures taken off, any run of other characters (spaces,
/// apostrophes, hyphens, dots, ampersands) as one space. "L'Œuvre  Saint-Étienne" → "l oeuvre saint etienne".
/// <para>
/// Written out letter by letter (Latin-1 and Latin Extended-A, what French and European company
/// names use) because <c>string.Normalize(NormalizationForm.FormD)</c> leaves text unchanged under
/// the invariant globalisation the services build with: it has no Unicode data to decompose with.
/// Combining marks already present in the text (decomposed input) are dropped.
/// </para>
/// </summary>
public static class SearchText
{
    /// <summary>Words that carry nothing in a company name query ("boulangerie de la gare").</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une", "sur", "pour", "par",
    };

    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var ch = char.ToLowerInvariant(raw);
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (Fold(ch) is { } replacement) folded.Append(replacement);
            else if (char.IsLetterOrDigit(ch)) folded.Append(ch);
            else if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>
    /// The words of a normalised query each result must hold (in any order, each with a typo or
    /// cut short): one-letter words and French articles and prepositions are left out, unless the
    /// query has nothing else. At most <paramref name="max"/> words.
    /// </summary>
    public static IReadOnlyList<string> Words(string normalised, int max = 8)
    {
        var all = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var meaningful = all.Where(w => w.Length > 1 && !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        return (meaningful.Count > 0 ? meaningful : all.Distinct(StringComparer.Ordinal)).Take(max).ToList();
    }

    /// <summary>How many letters and digits a text holds (the query's length for the minimum).</summary>
    public static int Significant(string normalised) => normalised.Count(char.IsLetterOrDigit);

    private static string? Fold(char ch) => ch switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => "a",
        'æ' => "ae",
        'ç' or 'ć' or 'ĉ' or 'ċ' or 'č' => "c",
        'ð' or 'ď' or 'đ' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ĕ' or 'ė' or 'ę' or 'ě' => "e",
        'ĝ' or 'ğ' or 'ġ' or 'ģ' => "g",
        'ĥ' or 'ħ' => "h",
        'ì' or 'í' or 'î' or 'ï' or 'ĩ' or 'ī' or 'ĭ' or 'į' or 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' or 'ļ' or 'ľ' or 'ŀ' or 'ł' => "l",
        'ñ' or 'ń' or 'ņ' or 'ň' or 'ŉ' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ŏ' or 'ő' => "o",
        'œ' => "oe",
        'ŕ' or 'ŗ' or 'ř' => "r",
        'ś' or 'ŝ' or 'ş' or 'š' or 'ſ' => "s",
        'ß' => "ss",
        'ţ' or 'ť' or 'ŧ' => "t",
        'þ' => "th",
        'ù' or 'ú' or 'û' or 'ü' or 'ũ' or 'ū' or 'ŭ' or 'ů' or 'ű' or 'ų' => "u",
        'ŵ' => "w",
        'ý' or 'ÿ' or 'ŷ' => "y",
        'ź' or 'ż' or 'ž' => "z",
        _ => null,
    };
}
