using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.IntegrationTests.Scoring;

/// <summary>The promotion gate over the real registry: a version the live panel cannot feed is refused, with the reason, and nothing changes.</summary>
public sealed class PromotionGateTests(ScoringFixture fixture) : IClassFixture<ScoringFixture>
{
    [Fact]
    public async Task A_version_reading_a_feature_the_live_panel_lacks_is_refused_with_the_reason()
    {
        var active = await fixture.ActiveTestModelAsync();
        var renamed = await fixture.RegisterAsync(TestModels.Train(7, ["ratio_dette", "effectif_ent", "paydex_nb_jours", "chiffre_affaires_v2"]));

        var response = await fixture.Http.PostAsync($"/api/models/{renamed}/promote", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["feature 'chiffre_affaires_v2' is not in the live panel"], problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray());
        await using var db = fixture.Db();
        Assert.Equal(active, await db.ModelVersions.Where(v => v.IsActive).Select(v => v.Version).SingleAsync());
        Assert.Equal(1, await db.Activations.CountAsync());
    }

    [Fact]
    public async Task Sf_model_register_sends_a_trained_folder_and_reports_the_gate_s_refusal()
    {
        var active = await fixture.ActiveTestModelAsync();
        var folder = Directory.CreateTempSubdirectory("sf-register-");
        await using (var zip = new MemoryStream(TestModels.Train(8, ["ratio_dette", "effectif_ent", "ca", "marge_v2"])))
            System.IO.Compression.ZipFile.ExtractToDirectory(zip, folder.FullName);
        using var scoring = fixture.Service.CreateClient();
        var output = new StringWriter();
        int versionsBefore;
        await using (var before = fixture.Db()) versionsBefore = await before.ModelVersions.CountAsync();

        var exit = await SignauxFaibles.Cli.Model.ModelRegisterCommand.RegisterAsync(folder, promote: true, scoring, output, CancellationToken.None);

        Assert.Equal(3, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"registered as v\d+", lines[0]);
        Assert.Contains("refused", lines[1]);
        Assert.Equal("  - feature 'marge_v2' is not in the live panel", lines[2]);
        await using var db = fixture.Db();
        Assert.Equal(active, await db.ModelVersions.Where(v => v.IsActive).Select(v => v.Version).SingleAsync());
        Assert.Equal(versionsBefore + 1, await db.ModelVersions.CountAsync());
    }
}
