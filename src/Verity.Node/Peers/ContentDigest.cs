using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Verity.Node.Peers;

/// <summary>The <c>Content-Digest</c> field of RFC 9530 with the <c>sha-256</c> algorithm: a structured-field
/// dictionary <c>sha-256=:BASE64(SHA-256(content)):</c> (RFC 9530 §2, §5).</summary>
public static class ContentDigest
{
    /// <summary>The field name.</summary>
    public const string FieldName = "Content-Digest";

    /// <summary>The field value for <paramref name="content"/>, e.g. <c>sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:</c>
    /// for empty content.</summary>
    public static string Create(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    /// <summary>The field value for a SHA-256 hash computed elsewhere.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes.</exception>
    public static string Format(ReadOnlySpan<byte> sha256)
    {
        if (sha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"a SHA-256 hash is {SHA256.HashSizeInBytes} bytes, got {sha256.Length}", nameof(sha256));
        }

        return $"sha-256=:{Convert.ToBase64String(sha256)}:";
    }

    /// <summary>Reads the <c>sha-256</c> member of a <c>Content-Digest</c> field value; other algorithms are ignored
    /// (RFC 9530 §2: a recipient uses the ones it supports). On failure <paramref name="problem"/> says why.</summary>
    public static bool TryGetSha256(string fieldValue, [NotNullWhen(true)] out byte[]? sha256, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fieldValue);
        sha256 = null;
        if (!StructuredFields.TryParseDictionary(fieldValue, out var members, out var syntax))
        {
            problem = $"Content-Digest is not a structured-field dictionary (RFC 8941 §3.2): {syntax}";
            return false;
        }

        var member = members.Find(m => m.Key == "sha-256");
        if (member.Key is null)
        {
            problem = $"Content-Digest has no sha-256 (algorithms: {string.Join(", ", members.Select(m => m.Key))})";
            return false;
        }

        if (member.Value.Item is not byte[] bytes || bytes.Length != SHA256.HashSizeInBytes)
        {
            problem = $"Content-Digest sha-256 is not a byte sequence of {SHA256.HashSizeInBytes} bytes";
            return false;
        }

        sha256 = bytes;
        problem = null;
        return true;
    }
}
