using System.Globalization;
using System.Text.RegularExpressions;

namespace SignauxFaibles.Ingestion.Finance.Diane;

/// <summary>
/// What a Diane export's header says: which column holds each item of each fiscal year (columns
/// are "label year", in any order), the closing date and length of each year, and the
/// company-level counts. Read once per file, so exports with other items or years work alike.
/// </summary>
public sealed partial class DianeLayout
{
    public const string Siren = "Numéro Siren";
    public const string Name = "Nom de l'entreprise";
    public const string ClosingDate = "Date de clôture";
    public const string Months = "Nombre de mois";

    public required IReadOnlyList<FiscalYearColumns> Years { get; init; }

    public required IReadOnlyList<ItemColumn> CompanyCounts { get; init; }

    public static DianeLayout Read(IReadOnlyList<string> header, List<string> missing)
    {
        var years = new SortedDictionary<int, FiscalYearColumns>();
        var counts = new List<ItemColumn>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = Collapse(header[i]);
            var match = LabelAndYear().Match(name);
            if (!match.Success)
            {
                if (DianeItems.CompanyCounts.TryGetValue(name, out var count)) counts.Add(new ItemColumn(i, name, count, 1m));
                continue;
            }
            var label = match.Groups[1].Value;
            var year = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (!years.TryGetValue(year, out var columns)) years[year] = columns = new FiscalYearColumns(year);
            if (label.Equals(ClosingDate, StringComparison.OrdinalIgnoreCase)) columns.ClosingDate = new ItemColumn(i, header[i], ClosingDate, 1m);
            else if (label.Equals(Months, StringComparison.OrdinalIgnoreCase)) columns.Months = new ItemColumn(i, header[i], Months, 1m);
            else
            {
                var code = DianeItems.ByLabel.GetValueOrDefault(label) ?? DianeItems.Unmapped(label);
                columns.Items.Add(new ItemColumn(i, header[i], code, DianeItems.UnitFactor(label)));
            }
        }
        // A year without a closing date cannot make a statement: its items would belong to no fiscal year.
        foreach (var year in years.Values.Where(y => y.ClosingDate is null)) missing.Add($"{ClosingDate} {year.Year}");
        if (years.Count == 0) missing.Add($"{ClosingDate} <year>");
        return new DianeLayout { Years = [.. years.Values], CompanyCounts = counts };
    }

    /// <summary>Exports put double spaces inside some labels and a trailing one after others.</summary>
    public static string Collapse(string label) => Spaces().Replace(label, " ").Trim();

    [GeneratedRegex(@"^(.+?) ((?:19|20)\d\d)$")]
    private static partial Regex LabelAndYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>A column holding one item; <paramref name="Factor"/> turns the delivered unit into ours (k€ → €).</summary>
public sealed record ItemColumn(int Index, string Header, string Code, decimal Factor);

/// <summary>The columns of one fiscal year.</summary>
public sealed class FiscalYearColumns(int year)
{
    public int Year => year;

    public ItemColumn? ClosingDate { get; set; }

    public ItemColumn? Months { get; set; }

    public List<ItemColumn> Items { get; } = [];
}
