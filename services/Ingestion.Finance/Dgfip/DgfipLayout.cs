using System.Text.RegularExpressions;

namespace SignauxFaibles.Ingestion.Finance.Dgfip;

/// <summary>
/// The DGFiP tax-return layout: '|'-separated, a header, one line per company and fiscal year:
/// <c>SIREN|DATE_DEB_EXERCICE|DATE_FIN_EXERCICE|&lt;form&gt;_&lt;box&gt;|…</c>, dates yyyyMMdd,
/// one column per box of each form (e.g. <c>2052_FL</c>, turnover), amounts in euros. Which
/// boxes come depends on the delivery, so they are read from each file's header.
/// </summary>
public sealed partial class DgfipLayout
{
    public const string Siren = "SIREN";
    public const string Start = "DATE_DEB_EXERCICE";
    public const string End = "DATE_FIN_EXERCICE";

    public static readonly string[] Required = [Siren, End];

    public required IReadOnlyList<BoxColumn> Boxes { get; init; }

    public static DgfipLayout Read(IReadOnlyList<string> header, List<string> missing)
    {
        var boxes = new List<BoxColumn>();
        for (var i = 0; i < header.Count; i++)
        {
            var match = FormAndBox().Match(header[i].Trim());
            if (match.Success) boxes.Add(new BoxColumn(i, header[i].Trim(), DgfipBoxes.CodeOf(match.Groups[1].Value, match.Groups[2].Value.ToUpperInvariant())));
        }
        if (boxes.Count == 0) missing.Add("<form>_<box> (e.g. 2052_FL)");
        return new DgfipLayout { Boxes = boxes };
    }

    [GeneratedRegex(@"^(20\d\d[A-Z]?)_([A-Za-z0-9]{2,4})$")]
    private static partial Regex FormAndBox();
}

/// <summary>The column of one box of one form and the item code it feeds.</summary>
public sealed record BoxColumn(int Index, string Header, string Code);
