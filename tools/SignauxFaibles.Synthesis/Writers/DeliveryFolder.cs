using System.Text;

namespace SignauxFaibles.Synthesis.Writers;

/// <summary>
/// The output folder: every delivery file is opened once, written line by line as companies are
/// simulated, and closed at the end (with its trailer when the format has one). Memory is bounded
/// by the number of open files × their buffer, whatever the number of companies.
/// </summary>
public sealed class DeliveryFolder(string root) : IDisposable
{
    private const int BufferChars = 8 * 1024;
    private readonly List<DeliveryFile> _files = [];

    public string Root { get; } = root;

    public IReadOnlyList<DeliveryFile> Files => _files;

    private readonly List<(string Path, long Rows)> _binary = [];

    /// <summary>Every file written, text or binary (an xlsx sample), with its data rows: the manifest's list.</summary>
    public IEnumerable<(string Path, long Rows)> Written => _files.Select(f => (f.RelativePath, f.Rows)).Concat(_binary);

    /// <summary>Records a file written whole by its writer (not line by line).</summary>
    public string AddBinary(string relativePath, long rows)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _binary.Add((relativePath.Replace('\\', '/'), rows));
        return path;
    }

    public DeliveryFile Create(string relativePath, string header, Encoding encoding, string newline = "\n", Func<long, string>? trailer = null)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 14);
        var writer = new StreamWriter(stream, encoding, BufferChars) { NewLine = newline };
        var file = new DeliveryFile(relativePath.Replace('\\', '/'), writer, trailer);
        writer.Write(header);
        writer.Write(newline);
        _files.Add(file);
        return file;
    }

    public void Dispose()
    {
        foreach (var file in _files) file.Close();
    }
}

/// <summary>One delivered file being written; rows are counted for the manifest and the trailer.</summary>
public sealed class DeliveryFile(string relativePath, StreamWriter writer, Func<long, string>? trailer)
{
    private bool _closed;

    public string RelativePath { get; } = relativePath;

    public TextWriter Out { get; } = writer;

    public long Rows { get; private set; }

    /// <summary>Ends the row being written.</summary>
    public void EndRow()
    {
        Out.Write(writer.NewLine);
        Rows++;
    }

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        if (trailer is not null)
        {
            writer.Write(trailer(Rows));
            writer.Write(writer.NewLine);
        }
        writer.Dispose();
    }
}

/// <summary>Files of one kind, one per delivery period (month or year), created up front so that empty deliveries exist too.</summary>
public sealed class Deliveries(Func<int, DeliveryFile> open, int first, int last)
{
    private readonly DeliveryFile[] _files = [.. Enumerable.Range(first, last - first + 1).Select(open)];

    /// <summary>The file of delivery period <paramref name="key"/> (a month index or a year), null when outside the window.</summary>
    public DeliveryFile? For(int key) => key < first || key > last ? null : _files[key - first];
}
