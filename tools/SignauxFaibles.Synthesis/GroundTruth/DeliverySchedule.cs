using System.Globalization;
using System.Text.RegularExpressions;

namespace SignauxFaibles.Synthesis.GroundTruth;

/// <summary>
/// When each synthetic file would have been delivered, written in the manifest so that a panel
/// built "as known at D" (<c>sf panel build --as-known</c>) takes exactly the files the platform
/// had then. A monthly file of month M arrives in M+1 (URSSAF contributions on the 15th, as
/// declared; débits on the 8th; the account map on the 5th; paydex increments and the quarterly
/// headcount files, named after the quarter's last month, on the 10th); a
/// yearly extract of a closed year arrives on 15 January of the next year; the extract of the year
/// still running is re-extracted each month and arrives on the 5th of the month after the window
/// ends; the Sirene stocks (state at the end of the window) are published on the 1st of that month,
/// as INSEE publishes its monthly stock.
/// </summary>
public static partial class DeliverySchedule
{
    public static DateOnly For(string relativePath, Month windowEnd)
    {
        var name = Path.GetFileName(relativePath);
        var afterWindow = windowEnd.Add(1);
        if (Monthly().Match(name) is { Success: true } m)
        {
            var month = Month.Of(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            var day = name.StartsWith("sigfaible_cotisdues", StringComparison.Ordinal) ? 15
                : name.StartsWith("sigfaible_debits", StringComparison.Ordinal) ? 8
                : name.StartsWith("urssaf_admin_comptes", StringComparison.Ordinal) ? 5
                : 10;
            return month.Add(1).Day(day);
        }
        if (Yearly().Match(name) is { Success: true } y && int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) is var year && year < windowEnd.Year)
            return new DateOnly(year + 1, 1, 15);
        return name.StartsWith("Stock", StringComparison.Ordinal) ? afterWindow.Day(1) : afterWindow.Day(5);
    }

    [GeneratedRegex(@"_(\d{4})(\d{2})\.(csv|txt)$")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"_(\d{4})(_echantillon)?\.(csv|txt|xlsx)$")]
    private static partial Regex Yearly();
}
