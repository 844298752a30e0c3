namespace SignauxFaibles.Nomenclatures.Geography;

/// <summary>A département of the INSEE Code officiel géographique.</summary>
/// <param name="Code">Its COG code: two characters (01–95, 2A/2B for Corsica) or three overseas (971–974, 976).</param>
/// <param name="Name">Its official name (Côte-d'Or).</param>
/// <param name="RegionCode">The code of the région it belongs to.</param>
public sealed record Departement(string Code, string Name, string RegionCode);
