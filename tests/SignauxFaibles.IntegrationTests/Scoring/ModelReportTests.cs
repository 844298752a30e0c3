using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The registry keeps with each version what it was trained on, by which code, and its evaluation report.</summary>
public sealed class ModelReportTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task A_version_keeps_its_report_training_fingerprint_and_code_version()
    {
        var reported = await fixture.RegisterAsync(TestModels.Train(3, TestModels.Features,
            new ModelProvenance("sha256:0123456789abcdef", "0.1.0+1cbcd61e"), "# Évaluation du modèle\n\n| model | PR AUC |\n"));
        var described = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/models/{reported}");
        Assert.Equal("sha256:0123456789abcdef", described.GetProperty("trainingFingerprint").GetString());
        Assert.Equal("0.1.0+1cbcd61e", described.GetProperty("codeVersion").GetString());
        Assert.StartsWith("# Évaluation du modèle", await fixture.Http.GetStringAsync($"/api/models/{reported}/report"), StringComparison.Ordinal);

        var bare = await fixture.RegisterAsync(TestModels.Train(4));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync($"/api/models/{bare}/report")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/models/{bare}")).GetProperty("codeVersion").ValueKind);
    }
}
