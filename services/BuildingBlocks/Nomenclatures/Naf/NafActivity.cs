namespace SignauxFaibles.Nomenclatures.Naf;

/// <summary>One position of the NAF rév. 2.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Code">Its code without dots, upper-case (A, 10, 101, 1011, 1011Z).</param>
/// <param name="Label">INSEE's French label.</param>
/// <param name="SectionCode">The letter of the section it belongs to (itself for a section).</param>
public sealed record NafActivity(NafLevel Level, string Code, string Label, string SectionCode)
{
    /// <summary>The code as INSEE writes it: 10, 10.1, 10.11, 10.11Z.</summary>
    public string DottedCode => Level is NafLevel.Section or NafLevel.Division ? Code : $"{Code[..2]}.{Code[2..]}";

    /// <summary>The code of the enclosing position; null for a section.</summary>
    public string? ParentCode => Level switch
    {
        NafLevel.Section => null,
        NafLevel.Division => SectionCode,
        _ => Code[..^1],
    };
}
