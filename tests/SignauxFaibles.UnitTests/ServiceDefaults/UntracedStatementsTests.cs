using System.Diagnostics;
using SignauxFaibles.ServiceDefaults;

namespace SignauxFaibles.UnitTests.ServiceDefaults;

/// <summary>Database statements are exported only within a live, recorded span: the pollers' own do not flood the trace viewer.</summary>
public sealed class UntracedStatementsTests : IDisposable
{
    private static readonly ActivitySource Npgsql = new(UntracedStatements.NpgsqlSource);
    private static readonly ActivitySource Work = new("SignauxFaibles.Tests.Work");

    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is UntracedStatements.NpgsqlSource or "SignauxFaibles.Tests.Work",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public UntracedStatementsTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void A_statement_within_a_live_span_is_recorded()
    {
        using var message = Work.StartActivity("consume");
        using var statement = Started("postgresql");

        Assert.True(statement.Recorded);
    }

    [Fact]
    public void A_poller_statement_outside_any_span_or_under_a_long_stopped_one_is_not()
    {
        using (var root = Started("postgresql")) Assert.False(root.Recorded);

        var startup = Work.StartActivity("start-up")!;
        startup.Stop();
        Activity.Current = startup; // what a background loop started during start-up keeps
        using (var underStopped = Started("postgresql")) Assert.False(underStopped.Recorded);
        Activity.Current = null;
    }

    [Fact]
    public void Other_spans_are_left_alone()
    {
        using var work = Work.StartActivity("refresh panel")!;
        new UntracedStatements().OnStart(work);

        Assert.True(work.Recorded);
    }

    private static Activity Started(string name)
    {
        var activity = Npgsql.StartActivity(name, ActivityKind.Client)!;
        new UntracedStatements().OnStart(activity);
        return activity;
    }

    public void Dispose() => _listener.Dispose();
}
