using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Dgefp.Conventions;

/// <summary>DGEFP CSV deliveries: ','-separated, fields quoted; the xlsx twin goes through the same layout.</summary>
public abstract class DgefpParser : DelimitedParser
{
    protected sealed override LineFormat FormatOf(string header) => LineFormat.Comma;
}
