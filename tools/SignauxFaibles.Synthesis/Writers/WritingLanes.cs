using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SignauxFaibles.Synthesis.Dynamics;

namespace SignauxFaibles.Synthesis.Writers;

/// <summary>
/// Runs the simulation on one thread and the writers on a few others ("lanes"), each lane owning
/// its files. Every lane receives the same lives in index order through its own bounded queue, so
/// each file is written by one thread in index order: the bytes do not depend on timing, and
/// memory holds at most the queues' depth of companies.
/// </summary>
internal static class WritingLanes
{
    public const int QueueDepth = 128;

    public static void Run(Func<IEnumerable<CompanyLife>> simulate, IReadOnlyList<ISourceWriter[]> lanes, Action<CompanyLife> afterFirstLane, StageTimings? timings)
    {
        var queues = lanes.Select(_ => new BlockingCollection<CompanyLife>(QueueDepth)).ToArray();
        var laneTimings = lanes.Select(_ => timings is null ? null : new StageTimings()).ToArray();
        using var stop = new CancellationTokenSource();
        var tasks = new List<Task>
        {
            Task.Run(() =>
            {
                try
                {
                    foreach (var life in simulate())
                        foreach (var queue in queues) queue.Add(life, stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    stop.Cancel();
                    throw;
                }
                finally
                {
                    foreach (var queue in queues) queue.CompleteAdding();
                }
            }),
        };
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = i;
            tasks.Add(Task.Run(() =>
            {
                try
                {
                    var clock = Stopwatch.GetTimestamp();
                    foreach (var life in queues[lane].GetConsumingEnumerable(stop.Token))
                    {
                        laneTimings[lane]?.Add($"lane {lane + 1} waiting", ref clock);
                        foreach (var writer in lanes[lane])
                        {
                            writer.Write(life);
                            laneTimings[lane]?.Add(writer.GetType().Name, ref clock);
                        }
                        if (lane == 0) afterFirstLane(life);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One lane failed: stop the others rather than let them block on a full queue.
                    stop.Cancel();
                    throw;
                }
            }));
        }
        try
        {
            Task.WaitAll([.. tasks]);
        }
        catch (AggregateException e)
        {
            var cause = e.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(cause).Throw();
        }
        finally
        {
            foreach (var queue in queues) queue.Dispose();
        }
        foreach (var lane in laneTimings)
            if (lane is not null) timings!.Merge(lane);
    }
}
