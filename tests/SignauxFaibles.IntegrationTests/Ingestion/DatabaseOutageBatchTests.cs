using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Delai;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>URSSAF ingestion whose délai parser stops once, in the middle of its first file, until the test lets it go on.</summary>
public sealed class GatedParserUrssafFixture : IngestionServiceFixture<IngestionUrssafService>
{
    public ParserGate Gate { get; } = new();

    protected override ServiceFactory<IngestionUrssafService> StartService(IntegrationEnvironment env) =>
        Services.Ingestion<IngestionUrssafService>(env, "ingestion", chunkSize: 1,
            testServices: services => services.AddSingleton(FailingParserUrssafFixture.WithDelaiParser(new GatedParser(Gate))));

    public sealed class ParserGate
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class GatedParser(ParserGate gate) : IRecordParser
    {
        public async IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var read = 0;
            await foreach (var line in new DelaiParser().ParseAsync(reader, fileName, cancellationToken))
            {
                if (++read == 3 && gate.Reached.TrySetResult()) await gate.Released.Task.WaitAsync(cancellationToken);
                yield return line;
            }
        }
    }
}

/// <summary>
/// The database goes away while a file is being parsed (a restart, a failover): the batch is parsed
/// again from its raw file once the database is back, without a restart of the service, and its
/// records are published once (issue 24: it stayed in Parsing until the next start, the upload
/// answered 500, and the feed behind it waited).
/// </summary>
public sealed class DatabaseOutageBatchTests(GatedParserUrssafFixture fixture) : IClassFixture<GatedParserUrssafFixture>
{
    private const string Header = "Urssaf_gestion;Dep;Siret;Numero_compte_externe;Numero_structure;Date_creation;Date_echeance;Duree_delai;"
        + "Denomination_premiere_ligne;Indic_6M;Annee_creation;Montant_global_echeancier;Code_externe_stade;Code_externe_action\n";

    [Fact]
    public async Task A_batch_interrupted_by_the_loss_of_its_database_is_parsed_again_once_it_is_back_and_published_once()
    {
        var client = fixture.Ingestion.CreateClient();
        var plans = Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"117;75;00000000000000;75712345678901234{i};44100001234{i};12/03/2019;12/09/2019;184;COMPANY {i};INF;2019;1000,00;APPROB;DEBUT\n")));

        var upload = client.PostAsync("/api/files?wait=true&fileName=sigfaible_delais_2024.csv", new ByteArrayContent(plans));
        await fixture.Gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Chunks of one record: two are already written in the batch's open transaction when every connection of the database is cut.
        await TerminateConnectionsAsync();
        fixture.Gate.Released.SetResult();

        using var response = await upload.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(("Parsing or later", 5L, 5L, 5L), (batch.Status is "Published" or "Completed" ? "Parsing or later" : batch.Status, batch.LinesRead, batch.RecordsAccepted, batch.RecordsPublished));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n >= 5, TimeSpan.FromSeconds(30), "the 5 plans at the consumer");
        var completed = await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), "the batch completed");
        Assert.Equal(5, fixture.Tally.For(batch.Id));
        Assert.Empty((await client.GetFromJsonAsync<List<BatchResponse>>("/api/batches?status=Failed"))!);
    }

    private async Task TerminateConnectionsAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.Env.DatabaseConnectionString("ingestion")).Database!;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.Env.Servers.Postgres) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
        terminate.Parameters.AddWithValue("db", database);
        Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0);
    }
}
