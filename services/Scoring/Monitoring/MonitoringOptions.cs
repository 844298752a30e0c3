namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>Settings of the model monitor (section <c>Scoring:Monitoring</c>).</summary>
public sealed class MonitoringOptions
{
    /// <summary>Time between two measures: each reads a sample of the live companies and counts the stored scores.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Scored months shown per month (score distribution, companies by région and level).</summary>
    public int Months { get; set; } = 12;
}
