using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>Keeps delivered files content-addressed by SHA-256, streaming them to disk (never whole in memory).</summary>
public sealed class RawFileStore(IOptions<IngestionOptions> options)
{
    private readonly string _root = options.Value.RawFileRoot;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var incoming = Path.Combine(_root, "incoming");
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new FileTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (File.Exists(final)) File.Delete(temp);
            else File.Move(temp, final);
            return new StoredFile(sha, size);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Keeps content the service made itself (e.g. the records of a push) under a name of its own.</summary>
    public async Task KeepAsync(string name, byte[] content, CancellationToken ct)
    {
        var final = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var temp = final + ".part";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, final, overwrite: true);
    }

    /// <summary>Opens a stored file as delivered (see <see cref="DeliveredContent"/> to read it as text).</summary>
    public Stream Open(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    /// <summary>Removes a stored file no batch refers to (a delivery refused before it became a batch).</summary>
    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);
}

public sealed record StoredFile(string Sha256, long SizeBytes);

public sealed class FileTooLargeException(long maxBytes) : Exception($"The file exceeds the upload limit of {maxBytes} bytes.");
