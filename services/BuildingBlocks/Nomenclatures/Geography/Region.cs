namespace SignauxFaibles.Nomenclatures.Geography;

/// <summary>A région of the INSEE Code officiel géographique (the 18 régions since 2016).</summary>
/// <param name="Code">Its COG code, two digits (27, 01 for Guadeloupe).</param>
/// <param name="Name">Its official name (Bourgogne-Franche-Comté).</param>
public sealed record Region(string Code, string Name);
