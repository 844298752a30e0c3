using System.Text.RegularExpressions;

namespace SignauxFaibles.Nomenclatures.Naf;

/// <summary>
/// Reads the embedded tables: one label file per level (<c>naf1.csv</c> … <c>naf5.csv</c>,
/// lines <c>"code";"label"</c>) and the section of every sub-class (<c>5to1.csv</c>), from which
/// the section of divisions, groups and classes follows. The tables ship with the code, so a
/// table that does not read or does not hold together is a build defect: it throws.
/// </summary>
internal static partial class NafTables
{
    public static NafNomenclature Load()
    {
        var sectionOfSubClass = Read("5to1.csv");
        var sectionOfPrefix = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (subClass, section) in sectionOfSubClass)
        {
            // Every prefix of a sub-class (its class, group and division) lies in the same section.
            for (var length = 2; length <= 5; length++)
            {
                var prefix = subClass[..length];
                if (sectionOfPrefix.TryGetValue(prefix, out var known) && known != section)
                    throw new InvalidDataException($"NAF table 5to1.csv puts {prefix} in both sections {known} and {section}.");
                sectionOfPrefix[prefix] = section;
            }
        }

        var activities = new List<NafActivity>();
        for (var level = NafLevel.Section; level <= NafLevel.SubClass; level++)
        {
            foreach (var (rawCode, label) in Read($"naf{(int)level}.csv"))
            {
                if (!NafCode.TryNormalize(rawCode, out var code, out var shape) || shape != level)
                    throw new InvalidDataException($"NAF table naf{(int)level}.csv holds '{rawCode}', not a code of level {level}.");
                var section = level == NafLevel.Section ? code
                    : sectionOfPrefix.TryGetValue(code, out var s) ? s
                    : throw new InvalidDataException($"NAF code {code} has no sub-class in 5to1.csv, so no section.");
                activities.Add(new NafActivity(level, code, label, section));
            }
        }
        return new NafNomenclature(activities);
    }

    private static IEnumerable<(string Code, string Label)> Read(string table)
    {
        using var stream = typeof(NafTables).Assembly.GetManifestResourceStream("naf/" + table)
            ?? throw new InvalidOperationException($"NAF table {table} is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new List<(string, string)>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            // Labels hold ';' ("Commerce ; réparation …") but never a quote: split on the outer quotes.
            var match = Row().Match(line);
            if (!match.Success) throw new InvalidDataException($"NAF table {table}, line {number}: not \"code\";\"label\".");
            rows.Add((match.Groups[1].Value, match.Groups[2].Value.Trim()));
        }
        return rows;
    }

    [GeneratedRegex("^\"([^\"]*)\";\"(.*)\"$")]
    private static partial Regex Row();
}
