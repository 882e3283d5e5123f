using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Verity.Record.Keys;

/// <summary>A party's public key in the signed-note verifier form <c>NAME+KEYID+BASE64(type || public key)</c>, as in
/// golang.org/x/mod/sumdb/note: for example <c>PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW</c>.</summary>
/// <remarks>Validated at construction: the key ID in the text must equal the one computed from name, type and key.</remarks>
public sealed class VerifierKey : IEquatable<VerifierKey>
{
    private readonly NSec.Cryptography.PublicKey? _ed25519;
    private readonly MLDsaPublicKeyParameters? _mlDsa;

    private VerifierKey(string name, KeyAlgorithm algorithm, ImmutableArray<byte> publicKey)
    {
        Name = name;
        Algorithm = algorithm;
        PublicKey = publicKey;
        KeyId = SignatureType.KeyId(name, algorithm, publicKey.AsSpan());
        if (algorithm == KeyAlgorithm.Ed25519)
        {
            _ed25519 = NSec.Cryptography.PublicKey.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, publicKey.AsSpan(), NSec.Cryptography.KeyBlobFormat.RawPublicKey);
        }
        else
        {
            _mlDsa = MLDsaPublicKeyParameters.FromEncoding(MLDsaParameters.ml_dsa_65, [.. publicKey]);
        }
    }

    /// <summary>The key name (signed-note rules: no spaces, no '+').</summary>
    public string Name { get; }

    /// <summary>The signature algorithm.</summary>
    public KeyAlgorithm Algorithm { get; }

    /// <summary>The raw public key: 32 bytes for Ed25519, 1952 for ML-DSA-65.</summary>
    public ImmutableArray<byte> PublicKey { get; }

    /// <summary>SHA-256(name || 0x0A || type || public key)[:4] as a big-endian integer.</summary>
    public uint KeyId { get; }

    /// <summary>Creates a verifier key from its parts.</summary>
    /// <exception cref="ArgumentException">The name is invalid or the key has the wrong length.</exception>
    public static VerifierKey Create(string name, KeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey)
    {
        if (!KeyName.IsValid(name, out var problem))
        {
            throw new ArgumentException(problem, nameof(name));
        }

        var want = SignatureType.PublicKeyLength(algorithm);
        if (publicKey.Length != want)
        {
            throw new ArgumentException($"an {SignatureType.Name(algorithm)} public key is {want} bytes, got {publicKey.Length}", nameof(publicKey));
        }

        return new VerifierKey(name, algorithm, [.. publicKey]);
    }

    /// <summary>Parses <c>NAME+KEYID+BASE64</c>; on failure <paramref name="problem"/> says which part is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out VerifierKey? key, [NotNullWhen(false)] out string? problem)
    {
        key = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "verifier key is empty: expected NAME+KEYID+BASE64";
            return false;
        }

        var parts = text.Split('+', 3);
        if (parts.Length != 3)
        {
            problem = $"verifier key has {parts.Length} '+'-separated parts, expected 3: NAME+KEYID+BASE64";
            return false;
        }

        var (name, hex, base64) = (parts[0], parts[1], parts[2]);
        if (!KeyName.IsValid(name, out problem))
        {
            return false;
        }

        if (!KeyName.IsKeyIdHex(hex) || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            problem = $"verifier key ID '{hex}' is not 8 lower-case hexadecimal digits";
            return false;
        }

        byte[] encoded;
        try
        {
            encoded = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problem = $"verifier key material '{Shorten(base64)}' is not valid base64";
            return false;
        }

        if (!SignatureType.TrySplit(encoded, out var algorithm, out var prefixLength))
        {
            problem = encoded.Length == 0 ? "verifier key material is empty"
                : $"verifier key has unknown signature type 0x{encoded[0]:x2}: expected 0x01 (Ed25519) or 0xff ml-dsa-65";
            return false;
        }

        var want = SignatureType.PublicKeyLength(algorithm);
        if (encoded.Length - prefixLength != want)
        {
            problem = $"verifier key holds {encoded.Length - prefixLength} bytes of {SignatureType.Name(algorithm)} public key, expected {want}";
            return false;
        }

        var candidate = new VerifierKey(name, algorithm, [.. encoded.AsSpan(prefixLength)]);
        if (candidate.KeyId != id)
        {
            problem = $"verifier key ID {hex} does not match the key: computed {candidate.KeyId:x8}";
            return false;
        }

        if (candidate.ToString() != text)
        {
            problem = "verifier key is not in canonical form (base64 padding or alphabet)";
            return false;
        }

        key = candidate;
        problem = null;
        return true;
    }

    /// <summary>Parses <c>NAME+KEYID+BASE64</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid verifier key; the message says which part.</exception>
    public static VerifierKey Parse(string text) => TryParse(text, out var key, out var problem) ? key : throw new FormatException(problem);

    /// <summary>True if <paramref name="signature"/> is this key's signature of <paramref name="message"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (_ed25519 is not null)
        {
            return NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(_ed25519, message, signature);
        }

        var verifier = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic: true);
        verifier.Init(false, _mlDsa);
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    /// <summary>The text form <c>NAME+KEYID+BASE64(type || public key)</c>.</summary>
    public override string ToString()
    {
        var prefix = SignatureType.Prefix(Algorithm);
        var encoded = new byte[prefix.Length + PublicKey.Length];
        prefix.CopyTo(encoded);
        PublicKey.AsSpan().CopyTo(encoded.AsSpan(prefix.Length));
        return $"{Name}+{KeyId:x8}+{Convert.ToBase64String(encoded)}";
    }

    /// <inheritdoc/>
    public bool Equals(VerifierKey? other) => other is not null && Name == other.Name && Algorithm == other.Algorithm
        && PublicKey.AsSpan().SequenceEqual(other.PublicKey.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as VerifierKey);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, KeyId);

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
