namespace SignauxFaibles.Ingestion.Urssaf.Parsing;

/// <summary>
/// Splits an URSSAF line on ';'. URSSAF quotes loosely: a field wrapped in quotes is unwrapped,
/// a stray quote anywhere else is data.
/// </summary>
public static class SemicolonLine
{
    public static string[] Split(string line)
    {
        var fields = line.Split(';');
        for (var i = 0; i < fields.Length; i++)
        {
            var f = fields[i].Trim();
            if (f.Length >= 2 && f[0] == '"' && f[^1] == '"') f = f[1..^1];
            fields[i] = f;
        }
        return fields;
    }
}
