using System.Diagnostics;
using OpenTelemetry;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// Keeps a database statement out of the exported traces unless it runs within a live, recorded
/// span (a request, a message, a batch): the pollers' statements would otherwise each open a trace
/// of their own and drown the deliveries' ones. (A background loop may still hold a start-up span,
/// long stopped, as its current one.) The span is only not recorded: Npgsql's metrics are unchanged.
/// </summary>
public sealed class UntracedStatements : BaseProcessor<Activity>
{
    public const string NpgsqlSource = "Npgsql";

    public override void OnStart(Activity data)
    {
        if (data.Source.Name == NpgsqlSource && data.Parent is not { IsStopped: false, Recorded: true })
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
