using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.Dynamics;
using SignauxFaibles.Synthesis.Writers;

namespace SignauxFaibles.UnitTests.Synthesis;

public class WritingLanesTests
{
    private static readonly SynthesisOptions Options = new() { Companies = 1_500, From = Month.Of(2024, 1), To = Month.Of(2024, 12), Seed = 4 };

    private sealed class Recorder : ISourceWriter
    {
        public List<long> Seen { get; } = [];

        public void Write(CompanyLife life) => Seen.Add(life.Company.Index);
    }

    private sealed class Failing(int after) : ISourceWriter
    {
        private int _count;

        public void Write(CompanyLife life)
        {
            if (++_count > after) throw new IOException("disk full");
        }
    }

    [Fact]
    public void Every_lane_sees_every_company_in_index_order()
    {
        var first = new Recorder();
        var second = new Recorder();
        var after = new List<long>();
        WritingLanes.Run(() => SyntheticDataset.Simulate(Options), [[first], [second]], life => after.Add(life.Company.Index), null);
        var expected = Enumerable.Range(0, Options.Companies).Select(i => (long)i).ToList();
        Assert.Equal(expected, first.Seen);
        Assert.Equal(expected, second.Seen);
        Assert.Equal(expected, after);
    }

    [Fact]
    public void A_failing_writer_stops_the_generation_with_its_own_error_instead_of_hanging()
    {
        var other = new Recorder();
        var error = Assert.Throws<IOException>(() =>
            WritingLanes.Run(() => SyntheticDataset.Simulate(Options), [[other], [new Failing(after: 200)]], _ => { }, null));
        Assert.Equal("disk full", error.Message);
        // The other lane stopped too, well before the end (its queue is bounded).
        Assert.True(other.Seen.Count < Options.Companies);
    }
}
