using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.WalkingSkeleton;

/// <summary>The walking skeleton over the real servers: HTTP upload → RabbitMQ → Features' panel.</summary>
public sealed class DebitUploadEndToEndTests(SkeletonFixture skeleton) : IClassFixture<SkeletonFixture>
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "urssaf_debit", name);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string name)
    {
        using var content = new StreamContent(File.OpenRead(path));
        return await client.PostAsync($"/api/files/urssaf-debit?wait=true&fileName={name}", content);
    }

    [Fact]
    public async Task Uploaded_debit_file_ends_as_the_expected_outstanding_debt_per_siren_and_month()
    {
        var client = skeleton.Ingestion.CreateClient();
        var response = await UploadAsync(client, Fixture("debitTestData.csv"), "debitTestData.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal((3L, 3L, 0L, 3L), (batch.LinesRead, batch.RecordsAccepted, batch.LinesRejected, batch.RecordsPublished));

        // Expected values: the reference parser's output, with the month the step counts for.
        using var expectedJson = JsonDocument.Parse(await File.ReadAllTextAsync(Fixture("expectedDebit.json")));
        var expected = expectedJson.RootElement.GetProperty("tuples").EnumerateArray()
            .GroupBy(t => (Siren: t.GetProperty("DebitID").GetString()![..9], Month: YearMonth.Of(t.GetProperty("periode_prise_en_compte").GetDateTime())))
            .ToDictionary(g => g.Key, g => (Employee: g.Sum(t => t.GetProperty("part_ouvriere").GetDecimal()), Employer: g.Sum(t => t.GetProperty("part_patronale").GetDecimal())));
        var sirens = expected.Keys.Select(k => Siren.Parse(k.Siren)).ToList();

        // Features' API: each company's outstanding debt at the end of the months its steps count for.
        // URSSAF figures are shown to an officer holding the right only for companies listed or
        // followed (access.md): the test's officer follows them, as an officer contacted by them would.
        var features = skeleton.Features.CreateClient();
        foreach (var siren in expected.Keys.Select(k => k.Siren).Append("111111111").Distinct())
        {
            (await features.PutAsJsonAsync($"/api/companies/{siren}/follow", new { reason = "Contacted" })).EnsureSuccessStatusCode();
        }
        foreach (var ((siren, month), want) in expected)
        {
            var history = await Eventually.UntilAsync(() => Indicators(features, siren), h => h is not null, TimeSpan.FromSeconds(60), $"panel of {siren}");
            var values = history!.Value.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == month.ToString()).GetProperty("values");
            Assert.Equal((double)want.Employee, values.GetProperty("montant_part_ouvriere").GetDouble());
            Assert.Equal((double)want.Employer, values.GetProperty("montant_part_patronale").GetDouble());
        }

        // Nothing before the month the step counts for, the amount from it on.
        var company = (await Indicators(features, "111111111"))!.Value.GetProperty("months").EnumerateArray().ToList();
        Assert.False(company.Single(m => m.GetProperty("month").GetString() == "2005-08").GetProperty("values").TryGetProperty("montant_part_ouvriere", out _));
        var september = company.Single(m => m.GetProperty("month").GetString() == "2005-09").GetProperty("values");
        Assert.Equal(0.03, september.GetProperty("montant_part_ouvriere").GetDouble());
        Assert.Equal(0.02, september.GetProperty("montant_part_patronale").GetDouble());

        // Every outbox is drained: the events left both services.
        await Eventually.UntilAsync(() => Db.QueryAsync<IngestionDbContext, int>(skeleton.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "ingestion outbox drained");
        await Eventually.UntilAsync(() => Db.QueryAsync<FeaturesDbContext, int>(skeleton.Features.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "features outbox drained");
    }

    private static async Task<JsonElement?> Indicators(HttpClient features, string siren)
    {
        var response = await features.GetAsync($"/api/companies/{siren}/indicators");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Uploading_the_same_content_again_returns_the_original_batch_and_publishes_nothing()
    {
        var client = skeleton.Ingestion.CreateClient();
        var first = (await (await UploadAsync(client, Fixture("debitUtf8TestData.csv"), "a.csv")).Content.ReadFromJsonAsync<BatchResponse>())!;
        var again = await UploadAsync(client, Fixture("debitUtf8TestData.csv"), "b.csv");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.True(second.Duplicate);
        Assert.Equal(first.Id, second.Id);
        var batches = await Db.QueryAsync<IngestionDbContext, int>(skeleton.Ingestion.Services,
            db => db.Batches.CountAsync(b => b.ContentSha256 == first.ContentSha256));
        Assert.Equal(1, batches);
    }

    [Fact]
    public async Task Broken_lines_are_reported_and_the_valid_ones_ingested()
    {
        var client = skeleton.Ingestion.CreateClient();
        var response = await UploadAsync(client, Fixture("debitCorrompuTestData.csv"), "debitCorrompuTestData.csv");
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal((5L, 3L, 2L), (batch.LinesRead, batch.RecordsAccepted, batch.LinesRejected));

        var rejects = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batch.Id}/rejects");
        Assert.Equal([3L, 5L], rejects.EnumerateArray().Select(r => r.GetProperty("line").GetInt64()));
        Assert.All(rejects.EnumerateArray(), r => Assert.Contains("wrong number of fields", r.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_file_of_another_layout_is_refused_whole_and_nothing_is_published()
    {
        var client = skeleton.Ingestion.CreateClient();
        using var content = new StringContent("Siret;Siren;Dt_effet;Cat_v2;Lib_actx_stdx\n12345678901234;123456789;24FEB2014;x;y\n");
        var response = await client.PostAsync("/api/files/urssaf-debit?wait=true&fileName=procol.csv", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal("Failed", batch.Status);
        Assert.Contains("Num_Hist_Ecn", batch.FailureReason);
        Assert.Equal(0, batch.RecordsPublished);
    }

    [Fact]
    public async Task Both_services_are_ready_with_their_broker_and_database_checks()
    {
        foreach (var client in new[] { skeleton.Ingestion.CreateClient(), skeleton.Features.CreateClient() })
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Contains("# TYPE", await client.GetStringAsync("/metrics"));
        }
    }
}
