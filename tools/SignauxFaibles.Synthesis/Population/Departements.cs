namespace SignauxFaibles.Synthesis.Population;

/// <summary>A département with its région (INSEE codes) and its weight in the population.</summary>
public sealed record Departement(string Code, string Region, int Inhabitants);

/// <summary>
/// Départements weighted by their inhabitants (INSEE populations légales 2021, thousands,
/// rounded): companies with employees sit where people live, so population is the proxy used for
/// where companies are. Régions are the 2016 ones (INSEE codes); BdF files spell their names.
/// </summary>
public static class Departements
{
    public static readonly Departement[] All = Build(
        ("01", "84", 657), ("02", "32", 529), ("03", "84", 335), ("04", "93", 165), ("05", "93", 141), ("06", "93", 1098),
        ("07", "84", 329), ("08", "44", 270), ("09", "76", 155), ("10", "44", 310), ("11", "76", 375), ("12", "76", 280),
        ("13", "93", 2056), ("14", "28", 697), ("15", "84", 144), ("16", "75", 352), ("17", "75", 655), ("18", "24", 299),
        ("19", "75", 240), ("2A", "94", 160), ("2B", "94", 184), ("21", "27", 535), ("22", "53", 602), ("23", "75", 116),
        ("24", "75", 413), ("25", "27", 545), ("26", "84", 519), ("27", "28", 600), ("28", "24", 431), ("29", "53", 919),
        ("30", "76", 752), ("31", "76", 1435), ("32", "76", 191), ("33", "75", 1654), ("34", "76", 1200), ("35", "53", 1095),
        ("36", "24", 218), ("37", "24", 611), ("38", "84", 1276), ("39", "27", 259), ("40", "75", 419), ("41", "24", 329),
        ("42", "84", 766), ("43", "84", 228), ("44", "52", 1450), ("45", "24", 683), ("46", "76", 174), ("47", "75", 332),
        ("48", "76", 76), ("49", "52", 823), ("50", "28", 492), ("51", "44", 566), ("52", "44", 170), ("53", "52", 307),
        ("54", "44", 732), ("55", "44", 183), ("56", "53", 763), ("57", "44", 1047), ("58", "27", 200), ("59", "32", 2609),
        ("60", "32", 830), ("61", "28", 277), ("62", "32", 1462), ("63", "84", 662), ("64", "75", 687), ("65", "76", 229),
        ("66", "76", 482), ("67", "44", 1150), ("68", "44", 767), ("69", "84", 1891), ("70", "27", 233), ("71", "27", 548),
        ("72", "52", 565), ("73", "84", 439), ("74", "84", 834), ("75", "11", 2133), ("76", "28", 1255), ("77", "11", 1428),
        ("78", "11", 1451), ("79", "75", 375), ("80", "32", 568), ("81", "76", 390), ("82", "76", 262), ("83", "93", 1085),
        ("84", "93", 562), ("85", "52", 692), ("86", "75", 439), ("87", "75", 372), ("88", "44", 362), ("89", "27", 335),
        ("90", "27", 139), ("91", "11", 1306), ("92", "11", 1627), ("93", "11", 1655), ("94", "11", 1407), ("95", "11", 1250),
        ("971", "01", 384), ("972", "02", 361), ("973", "03", 286), ("974", "04", 868), ("976", "06", 256));

    /// <summary>Région names as the Banque de France ratio files write them.</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionNames = new Dictionary<string, string>
    {
        ["84"] = "AUVERGNE-RHONE-ALPES", ["27"] = "BOURGOGNE-FRANCHE-COMTE", ["53"] = "BRETAGNE",
        ["24"] = "CENTRE-VAL DE LOIRE", ["94"] = "CORSE", ["44"] = "GRAND EST", ["32"] = "HAUTS-DE-FRANCE",
        ["11"] = "ILE DE FRANCE", ["28"] = "NORMANDIE", ["75"] = "NOUVELLE-AQUITAINE", ["76"] = "OCCITANIE",
        ["52"] = "PAYS DE LA LOIRE", ["93"] = "PROVENCE-ALPES-COTE D'AZUR", ["01"] = "GUADELOUPE",
        ["02"] = "MARTINIQUE", ["03"] = "GUYANE", ["04"] = "LA REUNION", ["06"] = "MAYOTTE",
    };

    private static Departement[] Build(params (string Code, string Region, int Thousands)[] rows) =>
        [.. rows.Select(r => new Departement(r.Code, r.Region, r.Thousands))];

    /// <summary>The départements of one région, or all of them when none is given.</summary>
    public static Departement[] Of(string? region)
    {
        if (region is null) return All;
        var chosen = All.Where(d => d.Region == region).ToArray();
        return chosen.Length > 0
            ? chosen
            : throw new ArgumentException($"unknown région '{region}' (INSEE code, e.g. 11, 32, 84).", nameof(region));
    }
}
