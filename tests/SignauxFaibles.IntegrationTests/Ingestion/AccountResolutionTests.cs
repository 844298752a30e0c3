using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// A file that names only an URSSAF account, delivered before the account map, is kept pending
/// (not dropped, not published) and published with its SIRET once the map arrives.
/// </summary>
public sealed class AccountResolutionTests(UrssafIngestionFixture fixture) : IClassFixture<UrssafIngestionFixture>
{
    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    private async Task<BatchResponse> UploadAsync(HttpClient client, string path)
    {
        using var content = new StreamContent(File.OpenRead(path));
        var response = await client.PostAsync($"/api/files?wait=true&fileName={Path.GetFileName(path)}", content);
        return (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
    }

    [Fact]
    public async Task A_record_waits_for_the_account_map_and_is_then_published_with_its_siret()
    {
        var client = fixture.Ingestion.CreateClient();
        // Older débit layout: no Siret column, account 111982477292496174 processed on 2019-06-20.
        var debit = await UploadAsync(client, Fixture("urssaf_debit", "debitUtf8TestData.csv"));
        Assert.Equal((1L, 0L, 1L), (debit.RecordsAccepted, debit.RecordsPublished, debit.RecordsPending));
        await Task.Delay(1000);
        Assert.Equal(0, fixture.Tally.For(debit.Id));
        var waiting = await client.GetFromJsonAsync<JsonElement>("/api/pending-records?account=111982477292496174");
        Assert.Equal(1, waiting.GetProperty("total").GetInt32());
        Assert.Equal(debit.Id, waiting.GetProperty("records")[0].GetProperty("batchId").GetGuid());

        // The map links that account to 00000000000000 from 2013-08-28, still open.
        var map = await UploadAsync(client, Fixture("urssaf_admin_comptes", "comptesTestData.csv"));
        Assert.Equal("Completed", map.Status);
        Assert.Equal((3L, 0L, 3L), (map.RecordsAccepted, map.RecordsPublished, map.RecordsStored));

        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(debit.Id)), n => n == 1, TimeSpan.FromSeconds(30), "the released record");
        Assert.Equal("00000000000000", fixture.Tally.SiretsOf(debit.Id).Single());
        var after = (await client.GetFromJsonAsync<BatchResponse>($"/api/batches/{debit.Id}"))!;
        Assert.Equal((1L, 0L), (after.RecordsPublished, after.RecordsPending));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/pending-records")).GetProperty("total").GetInt32());
        var completed = await client.GetFromJsonAsync<List<BatchResponse>>("/api/batches?status=completed");
        Assert.Contains(completed!, b => b.Id == map.Id);
    }
}
