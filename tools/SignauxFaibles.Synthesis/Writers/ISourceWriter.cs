using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers;

/// <summary>Writes what one institution would have delivered about a company, in that institution's format.</summary>
public interface ISourceWriter
{
    void Write(CompanyLife life);
}
