using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers;

/// <summary>Writes what one institution would have delivered about a company, in that institution's format.</summary>
public interface ISourceWriter
{
    void Write(CompanyLife life);
}

/// <summary>A writer that keeps a bounded sample and writes it once every company has been seen.</summary>
public interface IFinishingWriter : ISourceWriter
{
    void Finish();
}
