using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Company;

/// <summary>
/// The detection perimeter at each month: an active company that had at least ten employees at
/// some point of the last 36 months, outside the excluded activities and public legal categories.
/// </summary>
public static class Perimeter
{
    public static void Compute(MonthFrame frame, CompanyFacts facts, PerimeterSettings settings, string headcountColumn)
    {
        var excluded = IsExcluded(frame, settings);
        var headcount = frame.Column(headcountColumn);
        var flag = frame.Column("perimetre");
        for (var i = 0; i < frame.Count; i++)
        {
            if (excluded || !IsActive(facts, frame.MonthAt(i)))
            {
                flag[i] = 0;
                continue;
            }
            var max = double.NaN;
            for (var j = Math.Max(0, i - settings.HeadcountWindowMonths + 1); j <= i; j++)
            {
                if (!double.IsNaN(headcount[j]) && !(headcount[j] <= max)) max = headcount[j];
            }
            flag[i] = MonthFrame.Flag(max >= settings.MinHeadcount);
        }
    }

    private static bool IsExcluded(MonthFrame frame, PerimeterSettings settings)
    {
        var section = frame.Labels.GetValueOrDefault("naf_section");
        var division = frame.Labels.GetValueOrDefault("naf_division");
        var category = frame.Labels.GetValueOrDefault("categorie_juridique");
        return (section is not null && settings.ExcludedNafSections.Contains(section))
            || (division is not null && settings.ExcludedNafDivisions.Contains(division))
            || (category is not null && settings.ExcludedLegalCategoryPrefixes.Any(p => category.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>Active at a month: one of its establishments is open then, or — none known — the registry says active.</summary>
    private static bool IsActive(CompanyFacts facts, Contracts.Identifiers.YearMonth month) =>
        facts.Establishments.Count > 0
            ? facts.Establishments.Any(e => Profile.IsOpen(e, month))
            : facts.Registration?.Active ?? true;
}
