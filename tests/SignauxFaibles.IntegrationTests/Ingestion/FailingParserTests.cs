using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Delai;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>URSSAF ingestion whose délai parser has a bug: it throws on a plan of the company "BOOM".</summary>
public sealed class FailingParserUrssafFixture : IngestionServiceFixture<IngestionUrssafService>
{
    protected override ServiceFactory<IngestionUrssafService> StartService(IntegrationEnvironment env) =>
        Services.Ingestion<IngestionUrssafService>(env, "ingestion", testServices: services => services.AddSingleton(WithDelaiParser(new BuggyParser())));

    /// <summary>The URSSAF kinds, the délai file read by <paramref name="parser"/> (a test's stand-in for the real one).</summary>
    public static FileKindCatalog WithDelaiParser(IRecordParser parser) => new(
        [.. UrssafFileKinds.All.Where(k => k != UrssafFileKinds.Delai), new FileKind<PaymentPlan, PaymentPlanGranted>(
            UrssafFileKinds.Delai.Name, UrssafFileKinds.Delai.Source, new System.Text.RegularExpressions.Regex(@"delai.*\.csv$"), parser, (p, r) => new PaymentPlanGranted(p, r))]);

    private sealed class BuggyParser : IRecordParser
    {
        public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var line in new DelaiParser().ParseAsync(reader, fileName, cancellationToken))
            {
                if (line.Record is PaymentPlan { CompanyName: "BOOM" }) throw new InvalidOperationException("a parser bug");
                yield return line;
            }
        }
    }
}

/// <summary>
/// A batch whose parser throws an unexpected exception ends Failed with the reason instead of
/// staying in Parsing: the feed goes on with the next delivery, and the same bytes can be delivered again.
/// </summary>
public sealed class FailingParserTests(FailingParserUrssafFixture fixture) : IClassFixture<FailingParserUrssafFixture>
{
    private const string Header = "Urssaf_gestion;Dep;Siret;Numero_compte_externe;Numero_structure;Date_creation;Date_echeance;Duree_delai;"
        + "Denomination_premiere_ligne;Indic_6M;Annee_creation;Montant_global_echeancier;Code_externe_stade;Code_externe_action\n";

    private static byte[] Plans(params string[] names) => Encoding.UTF8.GetBytes(Header + string.Concat(names.Select((name, i) =>
        $"117;75;00000000000000;75712345678901234{i};44100001234{i};12/03/2019;12/09/2019;184;{name};INF;2019;1000,00;APPROB;DEBUT\n")));

    [Fact]
    public async Task A_batch_whose_parser_throws_ends_failed_and_the_next_batch_runs()
    {
        var client = fixture.Ingestion.CreateClient();
        var buggy = Plans("MENUISERIE DUPRE", "BOOM", "BOULANGERIE");

        var failedResponse = await FixtureUploads.UploadAsync(client, buggy, "sigfaible_delais_2024.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failedResponse.StatusCode);
        var failed = (await failedResponse.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(("Failed", 0L), (failed.Status, failed.RecordsPublished));
        Assert.Contains("InvalidOperationException: a parser bug", failed.FailureReason, StringComparison.Ordinal);

        var next = (await (await FixtureUploads.UploadAsync(client, Plans("MENUISERIE DUPRE", "BOULANGERIE"), "sigfaible_delais_2025.csv"))
            .Content.ReadFromJsonAsync<BatchResponse>())!;
        var completed = await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{next.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), "the next batch completed");
        Assert.Equal(2L, completed!.RecordsPublished);

        // The identical bytes of the failed delivery are a new batch, not "delivered before".
        var again = await FixtureUploads.UploadAsync(client, buggy, "sigfaible_delais_2024.csv");
        var redelivered = (await again.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.False(redelivered.Duplicate);
        Assert.NotEqual(failed.Id, redelivered.Id);
        Assert.Equal(0, fixture.Tally.For(failed.Id));
        var ledger = await client.GetFromJsonAsync<List<BatchResponse>>("/api/batches?status=Parsing");
        Assert.Empty(ledger!);
    }
}
