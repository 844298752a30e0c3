namespace SignauxFaibles.Cli.Panel;

/// <summary>Totals of one comparison; no <see cref="Differences"/> = the same panel.</summary>
internal sealed record PanelComparison(
    long RowsA, long RowsB, long RowsCompared, long OnlyInA, long OnlyInB, long CellsCompared, long CellsDiffering, int HeaderDifferences)
{
    public long Differences => HeaderDifferences + OnlyInA + OnlyInB + CellsDiffering;
}

/// <summary>
/// Compares two panel CSVs cell by cell, rows matched by their key columns (<c>siren[,siret],periode</c>)
/// whatever their order, other columns by name. Cells are compared as written: both files come from
/// <see cref="Indicators.Output.PanelCsvWriter"/>, which writes one number one way, so a different
/// text is a different value. The files are read side by side and a row waits only until its partner
/// turns up: two files in the same order (two runs of the writer) keep a few rows in memory, files in
/// different orders at most the rows not matched yet. A key repeated within a file (the writer never
/// repeats one) leaves a row without partner, reported as only in that file.
/// </summary>
internal static class PanelCsvComparer
{
    /// <summary>The writer's leading columns, in its order; a file's key is its leading run of them.</summary>
    private static readonly string[] KeyNames = ["siren", "siret", "periode"];

    private sealed record Row(string Key, string[] Fields, long Line);

    /// <summary>One file being read; <see cref="Pending"/> holds its rows the other file has not matched yet.</summary>
    private sealed class Side(string name, TextReader reader)
    {
        public string Name { get; } = name;
        public string[] Header { get; private set; } = [];
        public int KeyCount { get; private set; }
        public long Rows { get; private set; }
        public bool Done { get; private set; }
        public Dictionary<string, Row> Pending { get; } = new(StringComparer.Ordinal);

        /// <summary>Rows whose key the same file already had pending: they have no partner.</summary>
        public List<Row> Repeated { get; } = [];

        private long _line = 1;

        public void ReadHeader()
        {
            Header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{Name} is empty: no header line.");
            KeyCount = Header.TakeWhile(KeyNames.Contains).Count();
            if (KeyCount == 0) throw new InvalidDataException($"{Name}: the header starts with '{Header[0]}', not with the key columns siren[,siret],periode.");
            var repeated = Header.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null) throw new InvalidDataException($"{Name}: column '{repeated.Key}' appears twice in the header.");
        }

        public Row? Next()
        {
            if (Done) return null;
            var text = reader.ReadLine();
            if (text is null)
            {
                Done = true;
                return null;
            }
            _line++;
            var fields = text.Split(',');
            if (fields.Length != Header.Length) throw new InvalidDataException($"{Name} line {_line}: {fields.Length} fields where the header has {Header.Length}.");
            Rows++;
            return new Row(string.Join(',', fields, 0, KeyCount), fields, _line);
        }
    }

    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>, writing at most <paramref name="maxDifferences"/> lines of each kind to <paramref name="report"/>.</summary>
    /// <exception cref="InvalidDataException">A file is not a panel CSV, or the two are not keyed alike (company and establishment files).</exception>
    public static PanelComparison Compare(TextReader a, TextReader b, TextWriter report, int maxDifferences)
    {
        var left = new Side("A", a);
        var right = new Side("B", b);
        left.ReadHeader();
        right.ReadHeader();
        var keys = left.Header[..left.KeyCount];
        if (!keys.SequenceEqual(right.Header[..right.KeyCount]))
        {
            throw new InvalidDataException($"A is keyed by {string.Join(',', keys)}, B by {string.Join(',', right.Header[..right.KeyCount])}: not the same kind of panel file.");
        }
        var headerDifferences = CompareHeaders(left.Header, right.Header, keys.Length, report);
        var bIndex = right.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        var columns = left.Header.Skip(keys.Length).Select((name, i) => (Name: name, A: keys.Length + i, B: bIndex.GetValueOrDefault(name, -1))).Where(c => c.B >= 0).ToArray();

        long compared = 0, cells = 0, differing = 0;
        var byColumn = new Dictionary<string, long>(StringComparer.Ordinal);
        var samples = new List<string>();
        void Cells(Row x, Row y)
        {
            compared++;
            foreach (var (name, ia, ib) in columns)
            {
                cells++;
                if (string.Equals(x.Fields[ia], y.Fields[ib], StringComparison.Ordinal)) continue;
                differing++;
                byColumn[name] = byColumn.GetValueOrDefault(name) + 1;
                if (samples.Count < maxDifferences) samples.Add($"differs: {Describe(keys, x.Key)} {name}: A \"{x.Fields[ia]}\", B \"{y.Fields[ib]}\"");
            }
        }
        void Match(Row row, Side own, Side other, bool fromA)
        {
            if (own.Pending.ContainsKey(row.Key)) own.Repeated.Add(row);
            else if (other.Pending.Remove(row.Key, out var partner)) Cells(fromA ? row : partner, fromA ? partner : row);
            else own.Pending.Add(row.Key, row);
        }
        while (!left.Done || !right.Done)
        {
            if (left.Next() is { } x) Match(x, left, right, fromA: true);
            if (right.Next() is { } y) Match(y, right, left, fromA: false);
        }

        var onlyA = Unmatched(left, keys, report, maxDifferences);
        var onlyB = Unmatched(right, keys, report, maxDifferences);
        foreach (var line in samples) report.WriteLine(line);
        if (differing > samples.Count) report.WriteLine($"… {differing - samples.Count} more differing cells");
        if (byColumn.Count > 0)
        {
            report.WriteLine("differing cells by column: " + string.Join(", ", byColumn.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        }
        return new PanelComparison(left.Rows, right.Rows, compared, onlyA, onlyB, cells, differing, headerDifferences);
    }

    /// <summary>Columns only in one file, and common columns in another order: each one difference.</summary>
    private static int CompareHeaders(string[] a, string[] b, int keyCount, TextWriter report)
    {
        var differences = 0;
        foreach (var name in a.Skip(keyCount).Except(b, StringComparer.Ordinal))
        {
            report.WriteLine($"header: column {name} only in A");
            differences++;
        }
        foreach (var name in b.Skip(keyCount).Except(a, StringComparer.Ordinal))
        {
            report.WriteLine($"header: column {name} only in B");
            differences++;
        }
        var commonA = a.Where(b.Contains).ToArray();
        var commonB = b.Where(a.Contains).ToArray();
        var first = Enumerable.Range(0, commonA.Length).FirstOrDefault(i => commonA[i] != commonB[i], -1);
        if (first >= 0)
        {
            report.WriteLine($"header: columns in another order: column {Array.IndexOf(a, commonA[first]) + 1} is {commonA[first]} in A, {commonB[first]} in B");
            differences++;
        }
        return differences;
    }

    /// <summary>Reports a file's rows the other file lacks, in key order, and counts them.</summary>
    private static long Unmatched(Side side, string[] keys, TextWriter report, int max)
    {
        var rows = side.Pending.Values.Concat(side.Repeated).ToList();
        foreach (var row in rows.OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.Line).Take(max))
        {
            report.WriteLine($"only in {side.Name}: {Describe(keys, row.Key)} (line {row.Line})");
        }
        if (rows.Count > max) report.WriteLine($"… {rows.Count - max} more rows only in {side.Name}");
        return rows.Count;
    }

    private static string Describe(string[] keys, string key) =>
        string.Join(' ', keys.Zip(key.Split(','), (name, value) => $"{name}={value}"));
}
