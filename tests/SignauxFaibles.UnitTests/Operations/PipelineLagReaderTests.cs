using SignauxFaibles.Operations.Pipeline;

namespace SignauxFaibles.UnitTests.Operations;

/// <summary>sf ops status reads the stages' lag the services report, from Prometheus' query API.</summary>
public sealed class PipelineLagReaderTests
{
    [Fact]
    public async Task Each_stage_gets_its_waiting_items_and_the_age_of_the_oldest()
    {
        var prometheus = new PrometheusAnswers(new()
        {
            ["max by (stage) (sf_pipeline_oldest_age_seconds)"] =
                """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"stage":"panel-refresh"},"value":[1796687684.1,"125.5"]},{"metric":{"stage":"deliveries"},"value":[1796687684.1,"0"]}]}}""",
            ["max by (stage) (sf_pipeline_waiting)"] =
                """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"stage":"panel-refresh"},"value":[1796687684.1,"42"]},{"metric":{"stage":"deliveries"},"value":[1796687684.1,"0"]}]}}""",
        });
        using var http = new HttpClient(prometheus) { BaseAddress = new Uri("http://prometheus.test/") };

        var stages = await new PipelineLagReader(http).ReadAsync(CancellationToken.None);

        Assert.Equal([new StageLag("deliveries", 0, TimeSpan.Zero), new StageLag("panel-refresh", 42, TimeSpan.FromSeconds(125.5))], stages);
    }
}
