using System.Net;

namespace SignauxFaibles.UnitTests.Operations;

/// <summary>A metrics store answering each instant query with a canned Prometheus JSON answer (a query it was not given fails the test).</summary>
internal sealed class PrometheusAnswers(Dictionary<string, string> byQuery) : HttpMessageHandler
{
    public static string Vector(params (string Labels, string Value)[] series) =>
        """{"status":"success","data":{"resultType":"vector","result":[""" +
        string.Join(",", series.Select(s => $$"""{"metric":{{s.Labels}},"value":[1796687684.1,"{{s.Value}}"]}""")) + "]}}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Equal("/api/v1/query", request.RequestUri!.AbsolutePath);
        var query = Uri.UnescapeDataString(request.RequestUri.Query["?query=".Length..]);
        Assert.True(byQuery.ContainsKey(query), $"unexpected query {query}");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(byQuery[query], System.Text.Encoding.UTF8, "application/json") });
    }
}
