using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Panel;

/// <summary>Settings of the live panel (section <c>Panel</c>).</summary>
public sealed class PanelOptions
{
    /// <summary>First month with rows, yyyy-MM.</summary>
    public string From { get; set; } = "2016-01";

    /// <summary>Last month, yyyy-MM; empty = the current month (the panel follows the calendar).</summary>
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

    public PanelSettings Settings(TimeProvider clock) => new()
    {
        From = YearMonth.Parse(From),
        To = string.IsNullOrWhiteSpace(To) ? YearMonth.Of(clock.GetUtcNow().UtcDateTime) : YearMonth.Parse(To),
    };
}
