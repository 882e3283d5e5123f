using System.Text;

namespace Verity.Record.Keys;

/// <summary>The signature type identifier bytes of c2sp.org/signed-note for each <see cref="KeyAlgorithm"/>.</summary>
internal static class SignatureType
{
    public const byte Ed25519 = 0x01;
    public const byte Extended = 0xFF;
    public const int Ed25519PublicKeyLength = 32;
    public const int MlDsa65PublicKeyLength = 1952;
    public const int SeedLength = 32;

    private static readonly byte[] Ed25519Prefix = [Ed25519];
    private static readonly byte[] MlDsa65Prefix = [Extended, .. Encoding.ASCII.GetBytes("ml-dsa-65")];

    public static ReadOnlySpan<byte> Prefix(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => Ed25519Prefix,
        KeyAlgorithm.MlDsa65 => MlDsa65Prefix,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown key algorithm"),
    };

    public static int PublicKeyLength(KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.Ed25519 ? Ed25519PublicKeyLength : MlDsa65PublicKeyLength;

    /// <summary>Splits type || key, or returns false if the type is unknown.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> encoded, out KeyAlgorithm algorithm, out int prefixLength)
    {
        foreach (var candidate in new[] { KeyAlgorithm.Ed25519, KeyAlgorithm.MlDsa65 })
        {
            var prefix = Prefix(candidate);
            if (encoded.StartsWith(prefix))
            {
                algorithm = candidate;
                prefixLength = prefix.Length;
                return true;
            }
        }

        algorithm = default;
        prefixLength = 0;
        return false;
    }

    public static string Name(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Ed25519 => "ed25519",
        KeyAlgorithm.MlDsa65 => "ml-dsa-65",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown key algorithm"),
    };

    /// <summary>key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian (c2sp.org/signed-note).</summary>
    public static uint KeyId(string name, KeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var prefix = Prefix(algorithm);
        var buffer = new byte[nameBytes.Length + 1 + prefix.Length + publicKey.Length];
        nameBytes.CopyTo(buffer, 0);
        buffer[nameBytes.Length] = 0x0A;
        prefix.CopyTo(buffer.AsSpan(nameBytes.Length + 1));
        publicKey.CopyTo(buffer.AsSpan(nameBytes.Length + 1 + prefix.Length));
        var digest = System.Security.Cryptography.SHA256.HashData(buffer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(digest);
    }
}
