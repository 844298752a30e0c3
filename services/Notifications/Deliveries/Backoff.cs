namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>Exponential back-off between attempts, capped: a mail server down for an hour is retried hourly, not hammered.</summary>
public static class Backoff
{
    /// <param name="failures">Failures so far, from 1.</param>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        if (failures < 1) return TimeSpan.Zero;
        var exponent = Math.Min(failures - 1, 30);
        var ticks = first.Ticks * Math.Pow(2, exponent);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
