using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Facts;

namespace SignauxFaibles.Cli.Panel;

/// <summary>
/// Facts spilled to temporary files by SIREN range, so a national dataset is computed one range
/// at a time instead of being held in memory whole. Ranges keep the output in SIREN order.
/// </summary>
internal sealed class FactSpill : IDisposable
{
    private readonly string _folder;
    private readonly BinaryWriter[] _writers;

    public FactSpill(int partitions)
    {
        _folder = Directory.CreateTempSubdirectory("sf-panel-").FullName;
        _writers = Enumerable.Range(0, partitions)
            .Select(p => new BinaryWriter(new BufferedStream(File.Create(PathOf(p)), 1 << 20)))
            .ToArray();
    }

    public int Partitions => _writers.Length;
    public long Facts { get; private set; }

    private string PathOf(int partition) => Path.Combine(_folder, $"{partition:D4}.facts");

    public void Add(Fact fact)
    {
        var siren = int.Parse(fact.Siren.Value, System.Globalization.CultureInfo.InvariantCulture);
        var writer = _writers[(int)((long)siren * _writers.Length / 1_000_000_000)];
        var payload = FactCodec.Encode(fact.Record);
        writer.Write(siren);
        writer.Write((short)fact.Kind);
        writer.Write(payload.Length);
        writer.Write(payload);
        Facts++;
    }

    public void Complete()
    {
        foreach (var writer in _writers) writer.Dispose();
    }

    /// <summary>The companies of one partition, in SIREN order, each with its facts in the order they were added.</summary>
    public IEnumerable<CompanyFacts> Read(int partition)
    {
        var bySiren = new SortedDictionary<int, List<Fact>>();
        using (var reader = new BinaryReader(new BufferedStream(File.OpenRead(PathOf(partition)), 1 << 20)))
        {
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var siren = reader.ReadInt32();
                var kind = (FactKind)reader.ReadInt16();
                var payload = reader.ReadBytes(reader.ReadInt32());
                var record = FactCodec.Decode(kind, payload);
                if (!bySiren.TryGetValue(siren, out var facts)) bySiren[siren] = facts = [];
                facts.Add(new Fact(kind, Siren.Parse(siren.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)), record));
            }
        }
        File.Delete(PathOf(partition));
        foreach (var (_, facts) in bySiren) yield return CompanyFacts.Build(facts[0].Siren, facts);
    }

    public void Dispose()
    {
        foreach (var writer in _writers) writer.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
