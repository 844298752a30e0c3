using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Insee.Conventions;

/// <summary>Sirene open-data files: UTF-8, ',' separated with RFC 4180 quoting, one record or reject per line.</summary>
public abstract class SireneParser : DelimitedParser
{
    /// <summary>What INSEE writes in the fields of a partially non-diffusible unit instead of the value.</summary>
    public const string NotDiffused = "[ND]";

    protected sealed override LineFormat FormatOf(string header) => LineFormat.OpenDataComma;

    // A withheld value is an absent value, not a malformed one: blank it so optional fields read as null.
    protected sealed override void Normalise(string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] == NotDiffused) fields[i] = string.Empty;
        }
    }
}
