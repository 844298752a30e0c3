using System.Text.Json;
using SignauxFaibles.Operations.Traces;

namespace SignauxFaibles.UnitTests.Operations;

/// <summary>Spans read back from the Aspire dashboard's telemetry API (its OTLP/JSON, grouped by resource) and printed as a chain.</summary>
public sealed class TraceViewerTests
{
    // Two resources, one trace across them; the dashboard gives every attribute value as text.
    private const string Answer = """
        {"data":{"resourceSpans":[
          {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"SignauxFaibles.Gateway"}}]},
           "scopeSpans":[{"scope":{"name":"Microsoft.AspNetCore"},"spans":[
             {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0000000000000001","name":"POST urssaf/{**rest}","kind":2,
              "startTimeUnixNano":"1796687684000000000","endTimeUnixNano":"1796687684250000000","attributes":[]}]}]},
          {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"SignauxFaibles.Ingestion.Urssaf"}}]},
           "scopeSpans":[{"scope":{"name":"SignauxFaibles.Ingestion"},"spans":[
             {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0000000000000002","parentSpanId":"0000000000000001","name":"ingest batch","kind":1,
              "startTimeUnixNano":"1796687684010000000","endTimeUnixNano":"1796687684200000000",
              "attributes":[{"key":"sf.batch.id","value":{"stringValue":"9a3c0c52-5f1e-4d1e-9b8e-3c1f6c2f1a01"}}]},
             {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0000000000000003","parentSpanId":"0000000000000002","name":"postgresql","kind":3,
              "startTimeUnixNano":"1796687684020000000","endTimeUnixNano":"1796687684030000000",
              "attributes":[{"key":"db.system","value":{"stringValue":"postgresql"}}],"status":{"code":2,"message":"boom"}}]}]}]},
         "totalCount":3,"returnedCount":3}
        """;

    [Fact]
    public void Spans_carry_their_service_parent_times_attributes_and_failure()
    {
        var spans = TelemetryApiClient.Parse(JsonDocument.Parse(Answer).RootElement);

        Assert.Equal(["0000000000000001", "0000000000000002", "0000000000000003"], spans.Select(s => s.SpanId));
        var batch = spans[1];
        Assert.Equal(("SignauxFaibles.Ingestion.Urssaf", "0000000000000001", "ingest batch"), (batch.Service, batch.ParentSpanId, batch.Name));
        Assert.Equal("9a3c0c52-5f1e-4d1e-9b8e-3c1f6c2f1a01", batch.Attributes["sf.batch.id"]);
        Assert.Equal(TimeSpan.FromMilliseconds(190), batch.Duration);
        Assert.Null(spans[0].ParentSpanId);
        Assert.True(spans[2].Failed);
        Assert.False(batch.Failed);
    }

    [Fact]
    public void The_chain_nests_children_under_their_parent_names_the_services_and_leaves_database_statements_out()
    {
        var spans = TelemetryApiClient.Parse(JsonDocument.Parse(Answer).RootElement);
        var output = new StringWriter();

        TraceTree.Write(spans, output, withDatabase: false);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("trace 5b8efff798038103d269b633813fc60c: 3 spans, 2 services (gateway → ingestion.urssaf), 250 ms; 1 database statements not shown", lines[0]);
        Assert.EndsWith("ms  gateway: POST urssaf/{**rest}", lines[1]);
        Assert.EndsWith("ms    ingestion.urssaf: ingest batch", lines[2]);
        Assert.Equal(3, lines.Length);

        var all = new StringWriter();
        TraceTree.Write(spans, all, withDatabase: true);
        Assert.EndsWith("ms      ingestion.urssaf: postgresql  [error]", all.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[3]);
    }

    [Fact]
    public void An_answer_without_spans_gives_none()
    {
        Assert.Empty(TelemetryApiClient.Parse(JsonDocument.Parse("""{"data":{"resourceSpans":[]},"totalCount":0}""").RootElement));
    }
}
