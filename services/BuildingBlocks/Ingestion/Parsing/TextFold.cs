using System.Text;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// A comparison key for names people write freely (headers, région names): lower case, French
/// accents and ligatures taken off, any run of other characters as one space. Written out rather
/// than through Unicode normalisation, which the services' invariant globalisation mode does not do.
/// </summary>
public static class TextFold
{
    public static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var folded = Fold(char.ToLowerInvariant(ch));
            if (folded is not null) key.Append(folded);
            else if (char.IsLetterOrDigit(ch)) key.Append(char.ToLowerInvariant(ch));
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }

    private static string? Fold(char ch) => ch switch
    {
        'à' or 'â' or 'ä' or 'á' or 'ã' or 'å' => "a",
        'ç' => "c",
        'é' or 'è' or 'ê' or 'ë' => "e",
        'î' or 'ï' or 'í' or 'ì' => "i",
        'ô' or 'ö' or 'ó' or 'ò' or 'õ' => "o",
        'ù' or 'û' or 'ü' or 'ú' => "u",
        'ÿ' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'æ' => "ae",
        _ => null,
    };
}
