using System.Collections.Frozen;

namespace SignauxFaibles.Nomenclatures.Naf;

/// <summary>
/// The NAF rév. 2 (INSEE's activity nomenclature), all five levels, with French labels.
/// Look a code up at any level, in any of the notations sources use (10.11Z, 1011Z, 10.1, 101),
/// and get its section: services group companies by section and division, which most sources
/// do not deliver.
/// </summary>
public sealed class NafNomenclature
{
    private static readonly Lazy<NafNomenclature> Embedded = new(() => NafTables.Load());

    private readonly FrozenDictionary<string, NafActivity> _byCode;

    internal NafNomenclature(IEnumerable<NafActivity> activities)
    {
        _byCode = activities.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
    }

    /// <summary>The nomenclature embedded in this assembly (loaded once, on first use).</summary>
    public static NafNomenclature Rev2 => Embedded.Value;

    public int Count => _byCode.Count;

    /// <summary>The position with this code at whatever level its shape says; null when unknown.</summary>
    public NafActivity? Find(string? code) =>
        NafCode.TryNormalize(code, out var normalized, out _) && _byCode.TryGetValue(normalized, out var activity) ? activity : null;

    /// <summary>The position with this code, only if it is of that level (a division asked as a group is null).</summary>
    public NafActivity? Find(string? code, NafLevel level) => Find(code) is { } a && a.Level == level ? a : null;

    /// <summary>The section (level 1) of a code of any level; null when the code is unknown.</summary>
    public NafActivity? SectionOf(string? code) => Find(code) is { } a ? _byCode[a.SectionCode] : null;

    /// <summary>The ancestor of a code at a broader (or the same) level; null when unknown or when asked for a finer level.</summary>
    public NafActivity? AncestorAt(string? code, NafLevel level)
    {
        var activity = Find(code);
        if (activity is null || level > activity.Level) return null;
        if (level == NafLevel.Section) return _byCode[activity.SectionCode];
        return _byCode[activity.Code[..(int)level]];
    }

    /// <summary>The code's path from its section down to itself.</summary>
    public IReadOnlyList<NafActivity> Lineage(string? code)
    {
        var activity = Find(code);
        if (activity is null) return [];
        return Enumerable.Range(1, (int)activity.Level).Select(l => AncestorAt(activity.Code, (NafLevel)l)!).ToList();
    }

    /// <summary>Every position of one level, ordered by code.</summary>
    public IReadOnlyList<NafActivity> AtLevel(NafLevel level) =>
        _byCode.Values.Where(a => a.Level == level).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
}
