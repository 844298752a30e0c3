using Microsoft.Extensions.Options;

namespace SignauxFaibles.Notifications.Digests;

/// <summary>Writes the digests once a day at <see cref="DigestOptions.At"/>, officers' local time.</summary>
public sealed partial class DigestScheduler(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var zone = ZoneOrUtc(options.Value.TimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            var (due, day) = NextRun(clock.GetUtcNow(), options.Value.At, zone);
            try
            {
                await Task.Delay(due - clock.GetUtcNow(), clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<DigestWriter>().WriteAsync(day, stoppingToken);
                LogWritten(written, day);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The alerts stay pending: the next day's run takes them.
                LogFailed(ex, day);
            }
        }
    }

    /// <summary>The next instant the clock reads <paramref name="at"/> in <paramref name="zone"/>, and that local day.</summary>
    public static (DateTimeOffset Due, DateOnly Day) NextRun(DateTimeOffset now, TimeOnly at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= at) day = day.AddDays(1);
        var wall = day.ToDateTime(at);
        return (new DateTimeOffset(wall, zone.GetUtcOffset(wall)), day);
    }

    // A container image without time-zone data must not stop the service: digests then follow UTC.
    private TimeZoneInfo ZoneOrUtc(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            LogNoZone(id);
            return TimeZoneInfo.Utc;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time zone {Zone} unknown on this system: digests are written at UTC time")]
    private partial void LogNoZone(string zone);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} digest(s) written for {Day}")]
    private partial void LogWritten(int count, DateOnly day);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digests of {Day} failed")]
    private partial void LogFailed(Exception ex, DateOnly day);
}
