using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>URSSAF files: ';'-separated with loose quoting (see <see cref="SemicolonLine"/>), one record or reject per line.</summary>
public abstract class UrssafParser : DelimitedParser
{
    protected sealed override LineFormat FormatOf(string header) => LineFormat.Semicolon;
}
