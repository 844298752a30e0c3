using System.IO.Compression;
using System.Security.Cryptography;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Scoring.Registry;

/// <summary>
/// A model folder (model.json, member zips, leaf covers) as the registry stores it: one zip.
/// Unpacked once per content hash under the temporary folder, since ML.NET loads from files.
/// </summary>
public static class ModelArtifact
{
    public static string Sha256(byte[] zip) => Convert.ToHexStringLower(SHA256.HashData(zip));

    public static byte[] Pack(string directory)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
                archive.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Optimal);
        return buffer.ToArray();
    }

    /// <summary>A text file of the packed folder (e.g. the training report), or null when the artifact has none.</summary>
    public static string? ReadText(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        if (archive.GetEntry(name) is not { } entry) return null;
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Loads a packed model; throws <see cref="InvalidDataException"/> with the reason when it is not a usable model.</summary>
    public static ScoringModel Load(byte[] zip)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sf-scoring-models", Sha256(zip));
        if (!File.Exists(Path.Combine(directory, "model.json")))
        {
            var staging = directory + "." + Guid.NewGuid().ToString("N");
            try
            {
                using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
                    archive.ExtractToDirectory(staging);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"The artifact is not a zip of a model folder: {e.Message}", e);
            }
            if (!File.Exists(Path.Combine(staging, "model.json"))) throw new InvalidDataException("The artifact has no model.json at its root.");
            // Another instance may have unpacked the same artifact meanwhile: either copy is the same.
            try { Directory.Move(staging, directory); }
            catch (IOException) when (File.Exists(Path.Combine(directory, "model.json"))) { Directory.Delete(staging, recursive: true); }
        }
        var model = ScoringModel.Load(directory);
        if (model.Explainer is null)
            throw new InvalidDataException("The model cannot be explained (not a LightGBM model, or saved without reference rows): every score must carry its explanation.");
        return model;
    }
}
