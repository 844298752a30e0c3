using SignauxFaibles.Synthesis;
using SignauxFaibles.Synthesis.GroundTruth;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>One small dataset written once for the tests of a class, deleted afterwards.</summary>
public sealed class SyntheticFilesFixture : IDisposable
{
    public static readonly SynthesisOptions Options = new()
    {
        Companies = 1_000, From = Month.Of(2019, 1), To = Month.Of(2021, 12), Seed = 20_240_601,
    };

    public SyntheticFilesFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"sf-synth-test-{Guid.NewGuid():N}");
        Manifest = SyntheticDataset.Generate(Options, Directory);
    }

    public string Directory { get; }

    public Manifest Manifest { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
