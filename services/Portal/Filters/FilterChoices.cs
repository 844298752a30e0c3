using SignauxFaibles.Nomenclatures.Geography;
using SignauxFaibles.Nomenclatures.Naf;
using SignauxFaibles.Portal.French;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Portal.Filters;

/// <summary>One option of a list filter: the value the scoring service takes, the words the officer reads.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// The options of the detection list's place and sector filters, named in French. Places are
/// those of the officer's zone (the scoring service only lists those anyway); a value already in
/// the address stays offered so the form shows the filter that is applied.
/// </summary>
public static class FilterChoices
{
    public static IReadOnlyList<Choice> Departements(OfficerAccess? officer, string? selected) => WithSelected(
        [.. Cog.Departements.Values.Where(d => InZone(officer, d)).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new Choice(d.Code, Fr.Departement(d.Code)))],
        selected, Fr.Departement);

    public static IReadOnlyList<Choice> Regions(OfficerAccess? officer, string? selected)
    {
        var inZone = Cog.Departements.Values.Where(d => InZone(officer, d)).Select(d => d.RegionCode).ToHashSet(StringComparer.Ordinal);
        return WithSelected(
            [.. Cog.Regions.Values.Where(r => inZone.Contains(r.Code)).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new Choice(r.Code, Fr.Region(r.Code)))],
            selected, Fr.Region);
    }

    public static IReadOnlyList<Choice> Sections(string? selected) => WithSelected(
        [.. NafNomenclature.Rev2.AtLevel(NafLevel.Section).Select(s => new Choice(s.Code, Fr.Naf(s.Code)))],
        selected, Fr.Naf);

    private static bool InZone(OfficerAccess? officer, Departement d) =>
        officer is null || officer.Covers(d.Code, d.RegionCode);

    private static List<Choice> WithSelected(List<Choice> choices, string? selected, Func<string, string> label)
    {
        if (!string.IsNullOrWhiteSpace(selected) && choices.All(c => c.Value != selected)) choices.Add(new Choice(selected, label(selected)));
        return choices;
    }
}
