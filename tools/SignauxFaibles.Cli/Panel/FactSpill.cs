using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

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

    /// <summary>The latest month the spilled contributions cover (<see cref="ScorableMonth"/>).</summary>
    public YearMonth? ContributionsThrough { get; private set; }

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
        ContributionsThrough = ScorableMonth.Later(ContributionsThrough, fact);
    }

    public void Complete()
    {
        foreach (var writer in _writers) writer.Dispose();
    }

    /// <summary>The companies of one partition, in SIREN order, each with its encoded facts in the order they were added.</summary>
    public List<SpilledCompany> Read(int partition)
    {
        var bySiren = new Dictionary<int, List<(FactKind, byte[])>>();
        using (var reader = new BinaryReader(new BufferedStream(File.OpenRead(PathOf(partition)), 1 << 20)))
        {
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var siren = reader.ReadInt32();
                var kind = (FactKind)reader.ReadInt16();
                var payload = reader.ReadBytes(reader.ReadInt32());
                if (!bySiren.TryGetValue(siren, out var facts)) bySiren[siren] = facts = [];
                facts.Add((kind, payload));
            }
        }
        File.Delete(PathOf(partition));
        return [.. bySiren.OrderBy(p => p.Key).Select(p => new SpilledCompany(p.Key, p.Value))];
    }

    public void Dispose()
    {
        foreach (var writer in _writers) writer.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A company's facts as spilled, decoded when its panel is computed (on any core).</summary>
internal sealed record SpilledCompany(int Siren, List<(FactKind Kind, byte[] Payload)> Facts)
{
    public CompanyFacts Decode() => CompanyFacts.Build(SirenOf(), DecodeFacts());

    public Contracts.Identifiers.Siren SirenOf() => Contracts.Identifiers.Siren.Parse(Siren.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The facts as spilled; their knowledge day, when the reader recorded one, is not kept (the documented delay stands in).</summary>
    public List<Fact> DecodeFacts()
    {
        var siren = SirenOf();
        return [.. Facts.Select(f => new Fact(f.Kind, siren, FactCodec.Decode(f.Kind, f.Payload)))];
    }
}
