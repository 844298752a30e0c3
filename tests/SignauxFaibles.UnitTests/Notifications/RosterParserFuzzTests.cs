using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.UnitTests.Ingestion;

namespace SignauxFaibles.UnitTests.Notifications;

/// <summary>The roster parser under the ingestion parsers' property: whatever the bytes, lines or rejects or a refusal, nothing else.</summary>
public sealed class RosterParserFuzzTests
{
    [Fact]
    public async Task Random_and_mutated_rosters_only_produce_lines_rejects_or_a_refusal()
    {
        var sample = await File.ReadAllBytesAsync(ParserTesting.Fixture("roster", "roster_good_and_bad.csv"));
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var input = seed % 5 == 0 ? ParserFuzzTests.RandomBytes(random) : ParserFuzzTests.Mutate(sample, random);
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await using var delivered = await DeliveredFile.OpenAsync(new MemoryStream(input), budget.Token);
                await foreach (var line in delivered.ParseAsync(new RosterParser(), "fuzz.csv", budget.Token))
                {
                    Assert.True(line.Record is not null ^ line.Reject is not null, $"seed {seed}: a line must be a record or a reject");
                    if (line.Record is RosterLine valid) Assert.True(valid.National || valid.Departements.Count + valid.Regions.Count > 0, $"seed {seed}: a line without territory");
                }
            }
            catch (Exception ex) when (ex is FileRefusedException or InvalidDataException)
            {
                // Refusing the whole file is an allowed outcome.
            }
        }
    }
}
