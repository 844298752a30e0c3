using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// Fingerprints belong to the batch's transaction: a stock that fails after several chunks were
/// compared leaves them as they were, so its changes are still published by the next good delivery.
/// A SIRET twice in one stock is published once, as its later line.
/// </summary>
public sealed class InseeFailedBatchTests(SmallChunkInseeIngestionFixture fixture) : IClassFixture<SmallChunkInseeIngestionFixture>
{
    private const string FileName = "StockEtablissement_utf8_geo.csv";

    [Fact]
    public async Task A_failed_stock_leaves_what_is_known_unchanged()
    {
        const int rows = 2000;
        var client = fixture.Ingestion.CreateClient();
        var first = await UploadAsync(client, Compress(Stock(rows, headOffice: "true")), FileName + ".gz");
        Assert.Equal(("Completed", (long)rows), (first.Status, first.RecordsPublished));

        // Every establishment changed, then the gzip is cut short: it fails at its end, after
        // many chunks were compared (the file is larger than the reader's buffers). With a byte-order
        // mark, so no whole-file encoding pass meets the cut before parsing does.
        var changed = Stock(rows, headOffice: "false");
        var failed = await UploadAsync(client, Compress([.. Encoding.UTF8.GetPreamble(), .. changed])[..^6], FileName + ".gz", HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("Failed", 0L), (failed.Status, failed.RecordsPublished));
        Assert.True(failed.LinesRead >= rows / 2, $"the failure came after many chunks ({failed.LinesRead} lines read)");

        var good = await UploadAsync(client, changed, FileName);
        Assert.Equal(("Completed", (long)rows, (long)rows), (good.Status, good.RecordsAccepted, good.RecordsPublished));
        var received = await Eventually.UntilAsync(() => Task.FromResult(fixture.Log.Of(good.Id)), r => r.Count >= rows, TimeSpan.FromSeconds(60), "every change");
        Assert.All(received, r => Assert.Equal("EstablishmentChanged", r.Event));
        Assert.Empty(fixture.Log.Of(failed.Id));
    }

    [Fact]
    public async Task A_siret_twice_in_one_stock_is_published_once()
    {
        var client = fixture.Ingestion.CreateClient();
        var header = "siren,nic,siret,dateCreationEtablissement,trancheEffectifsEtablissement,etablissementSiege,numeroVoieEtablissement,"
            + "typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,codeCommuneEtablissement,dateDebut,"
            + "etatAdministratifEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement\n";
        var file = header
            + "552100554,00013,55210055400013,1950-01-01,12,true,1,RUE,DE LA PAIX,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n"
            + "552100554,00013,55210055400013,1950-01-01,12,true,3,RUE,DE LA PAIX,20000,AJACCIO,2A004,2000-01-01,A,10.11Z,NAFRev2\n";
        var batch = await UploadAsync(client, Encoding.UTF8.GetBytes(file), "StockEtablissement_doublon.csv");

        Assert.Equal(("Completed", 2L, 1L), (batch.Status, batch.RecordsAccepted, batch.RecordsPublished));
        Assert.Equal([("EstablishmentRegistered", "55210055400013")],
            await Eventually.UntilAsync(() => Task.FromResult(fixture.Log.Of(batch.Id)), r => r.Count >= 1, TimeSpan.FromSeconds(30), "the establishment"));
    }

    private static async Task<BatchResponse> UploadAsync(HttpClient client, byte[] content, string fileName, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(fileName)}", new ByteArrayContent(content));
        Assert.Equal(expected, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        if (expected != HttpStatusCode.Created) return batch;
        return (await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{fileName} completed"))!;
    }

    private static byte[] Stock(int rows, string headOffice)
    {
        const string header = "siren,nic,siret,dateCreationEtablissement,trancheEffectifsEtablissement,etablissementSiege,numeroVoieEtablissement,"
            + "typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,codeCommuneEtablissement,dateDebut,"
            + "etatAdministratifEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,longitude,latitude";
        var text = new StringBuilder(header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            var nic = i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"552100554,{nic},552100554{nic},1950-01-01,12,{headOffice},{i},RUE,DE LA REPUBLIQUE ET DES ETABLISSEMENTS NUMEROTES,")
                .Append("13001,MARSEILLE 1ER ARRONDISSEMENT,13201,2000-01-01,A,10.11Z,NAFRev2,5.376,43.297\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Compress(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(plain);
        return output.ToArray();
    }
}
