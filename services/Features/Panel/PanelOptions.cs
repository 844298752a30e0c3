using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>Settings of the live panel (section <c>Panel</c>).</summary>
public sealed class PanelOptions
{
    /// <summary>First month with rows, yyyy-MM.</summary>
    public string From { get; set; } = "2016-01";

    /// <summary>
    /// Last month at most, yyyy-MM; empty = the last complete month (the panel follows the calendar).
    /// The panel ends earlier when contributions stop earlier (<see cref="ScorableMonth"/>).
    /// </summary>
    public string? To { get; set; }

    /// <summary>Companies recomputed per transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Most changed months announced per company, the latest ones (the event says from which month
    /// the company changed): a late fact rewriting ten years would otherwise put them all in the event.
    /// At least one: the latest changed month is always carried.
    /// </summary>
    public int AnnouncedMonths { get; set; } = 12;

    /// <summary>Most months in one <c>CompanyIndicatorsUpdated</c> message.</summary>
    public int MonthsPerMessage { get; set; } = 2000;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The calculator's settings now, given the latest month delivered contributions cover.</summary>
    public PanelSettings Settings(TimeProvider clock, YearMonth? contributionsThrough)
    {
        var from = YearMonth.Parse(From);
        var bound = string.IsNullOrWhiteSpace(To) ? ScorableMonth.LastComplete(clock.GetUtcNow()) : YearMonth.Parse(To);
        return new PanelSettings { From = from, To = ScorableMonth.Resolve(from, bound, contributionsThrough) };
    }
}
