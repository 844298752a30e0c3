namespace SignauxFaibles.Synthesis.Population;

/// <summary>Made-up company and street names: pronounceable, plainly fictitious, free of separators and quotes.</summary>
public static class Names
{
    private static readonly string[] Syllables =
    [
        "BA", "BEL", "CAR", "DO", "LU", "MAR", "NO", "PRA", "RI", "SO", "TAL", "VER", "GA", "LO", "MI", "REN",
        "SA", "TI", "VAL", "CO", "FOR", "MON", "PEL", "RO",
    ];

    private static readonly string[] Activities =
    [
        "INDUSTRIES", "SERVICES", "DISTRIBUTION", "BATIMENT", "TRANSPORTS", "CONSEIL", "ATELIERS", "EQUIPEMENTS",
        "RESTAURATION", "LOGISTIQUE", "TECHNOLOGIES", "NEGOCE",
    ];

    private static readonly string[] Streets = ["DE LA GARE", "DES ACACIAS", "DU MOULIN", "DE LA REPUBLIQUE", "DES ARTISANS", "DU PORT", "JEAN JAURES", "DES TILLEULS"];

    public static string Company(Randomness.Rng rng, string legalForm)
    {
        var word = Syllables[rng.Next(Syllables.Length)] + Syllables[rng.Next(Syllables.Length)].ToLowerInvariant() + Syllables[rng.Next(Syllables.Length)].ToLowerInvariant();
        return $"{word.ToUpperInvariant()} {Activities[rng.Next(Activities.Length)]} {legalForm}";
    }

    public static string Street(Randomness.Rng rng) => Streets[rng.Next(Streets.Length)];
}
