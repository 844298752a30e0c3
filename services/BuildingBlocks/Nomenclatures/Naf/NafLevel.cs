namespace SignauxFaibles.Nomenclatures.Naf;

/// <summary>The five levels of the NAF rév. 2, from the broadest; the value is the level's number.</summary>
public enum NafLevel
{
    /// <summary>One letter, A–U (e.g. C, manufacturing).</summary>
    Section = 1,

    /// <summary>Two digits (10).</summary>
    Division = 2,

    /// <summary>Three digits, written 10.1 or 101.</summary>
    Group = 3,

    /// <summary>Four digits, written 10.11 or 1011.</summary>
    Class = 4,

    /// <summary>Four digits and a letter, written 10.11Z or 1011Z: the APE code of a company or establishment.</summary>
    SubClass = 5,
}
