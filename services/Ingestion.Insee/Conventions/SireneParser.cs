using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Insee.Conventions;

/// <summary>Sirene open-data files: UTF-8, ',' separated with RFC 4180 quoting, one record or reject per line.</summary>
public abstract class SireneParser : DelimitedParser
{
    /// <summary>What INSEE writes in the fields of a partially non-diffusible unit instead of the value.</summary>
    public const string NotDiffused = "[ND]";

    protected sealed override string[] Split(string line)
    {
        var fields = CommaLine.Split(line);
        // A withheld value is an absent value, not a malformed one: blank it so optional fields read as null.
        if (line.Contains(NotDiffused, StringComparison.Ordinal))
        {
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i] == NotDiffused) fields[i] = string.Empty;
            }
        }
        return fields;
    }
}
