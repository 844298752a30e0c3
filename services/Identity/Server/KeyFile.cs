using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SignauxFaibles.Identity.Server;

/// <summary>
/// The issuer's RSA signing key (published in the JWKS the services read) and symmetric
/// encryption key (authorization codes, refresh tokens), kept in one JSON file.
/// </summary>
public sealed record KeyFile(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    private sealed record Stored(string Signing, string Encryption, DateTimeOffset CreatedAt);

    public static KeyFile LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var created = new Stored(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), DateTimeOffset.UtcNow);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, JsonSerializer.Serialize(created));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path}: not a key file.");
        var signing = RSA.Create();
        signing.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.Signing), out _);
        // A stable key id: services cache the JWKS and look keys up by it.
        var key = new RsaSecurityKey(signing) { KeyId = Convert.ToHexString(SHA256.HashData(signing.ExportSubjectPublicKeyInfo()))[..16] };
        return new KeyFile(key, new SymmetricSecurityKey(Convert.FromBase64String(stored.Encryption)));
    }
}
