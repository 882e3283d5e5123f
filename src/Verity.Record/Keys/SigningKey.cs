using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Verity.Record.Keys;

/// <summary>A party's private key. Its text form is golang.org/x/mod/sumdb/note's signer key,
/// <c>PRIVATE+KEY+NAME+KEYID+BASE64(type || 32-byte seed)</c>, so the published example key
/// <c>PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK…</c> loads as is.</summary>
public sealed class SigningKey : IDisposable
{
    private const string Prefix = "PRIVATE+KEY+";

    private readonly byte[] _seed;
    private readonly NSec.Cryptography.Key? _ed25519;
    private readonly MLDsaPrivateKeyParameters? _mlDsa;

    private SigningKey(string name, KeyAlgorithm algorithm, byte[] seed)
    {
        _seed = seed;
        if (algorithm == KeyAlgorithm.Ed25519)
        {
            _ed25519 = NSec.Cryptography.Key.Import(NSec.Cryptography.SignatureAlgorithm.Ed25519, seed, NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
            Verifier = VerifierKey.Create(name, algorithm, _ed25519.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        }
        else
        {
            _mlDsa = MLDsaPrivateKeyParameters.FromSeed(MLDsaParameters.ml_dsa_65, seed);
            Verifier = VerifierKey.Create(name, algorithm, _mlDsa.GetPublicKeyEncoded());
        }
    }

    /// <summary>The matching public key.</summary>
    public VerifierKey Verifier { get; }

    /// <summary>The key name.</summary>
    public string Name => Verifier.Name;

    /// <summary>The signature algorithm.</summary>
    public KeyAlgorithm Algorithm => Verifier.Algorithm;

    /// <summary>A new key with a seed drawn from <paramref name="random"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a valid key name.</exception>
    public static SigningKey Generate(string name, KeyAlgorithm algorithm, RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var seed = new byte[SignatureType.SeedLength];
        random.GetBytes(seed);
        return FromSeed(name, algorithm, seed);
    }

    /// <summary>The key derived from a 32-byte seed (Ed25519: RFC 8032 private key; ML-DSA-65: FIPS 204 ξ).</summary>
    /// <exception cref="ArgumentException">The name is invalid or the seed is not 32 bytes.</exception>
    public static SigningKey FromSeed(string name, KeyAlgorithm algorithm, ReadOnlySpan<byte> seed)
    {
        if (!KeyName.IsValid(name, out var problem))
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (seed.Length != SignatureType.SeedLength)
        {
            throw new ArgumentException($"a key seed is {SignatureType.SeedLength} bytes, got {seed.Length}", nameof(seed));
        }

        return new SigningKey(name, algorithm, seed.ToArray());
    }

    /// <summary>Parses <c>PRIVATE+KEY+NAME+KEYID+BASE64</c>; on failure <paramref name="problem"/> says which part is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SigningKey? key, [NotNullWhen(false)] out string? problem)
    {
        key = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            problem = "signing key does not start with PRIVATE+KEY+";
            return false;
        }

        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3)
        {
            problem = $"signing key has {parts.Length} '+'-separated parts after PRIVATE+KEY+, expected 3: NAME+KEYID+BASE64";
            return false;
        }

        var (name, hex, base64) = (parts[0], parts[1], parts[2]);
        if (!KeyName.IsValid(name, out problem))
        {
            return false;
        }

        if (!KeyName.IsKeyIdHex(hex) || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            problem = $"signing key ID '{hex}' is not 8 lower-case hexadecimal digits";
            return false;
        }

        byte[] encoded;
        try
        {
            encoded = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problem = "signing key material is not valid base64";
            return false;
        }

        if (!SignatureType.TrySplit(encoded, out var algorithm, out var prefixLength))
        {
            problem = encoded.Length == 0 ? "signing key material is empty" : $"signing key has unknown signature type 0x{encoded[0]:x2}";
            return false;
        }

        if (encoded.Length - prefixLength != SignatureType.SeedLength)
        {
            problem = $"signing key holds {encoded.Length - prefixLength} bytes of seed, expected {SignatureType.SeedLength}";
            return false;
        }

        var candidate = new SigningKey(name, algorithm, encoded[prefixLength..]);
        if (candidate.Verifier.KeyId != id || candidate.ToString() != text)
        {
            candidate.Dispose();
            problem = $"signing key ID {hex} does not match the key or the key is not in canonical form";
            return false;
        }

        key = candidate;
        problem = null;
        return true;
    }

    /// <summary>Parses <c>PRIVATE+KEY+NAME+KEYID+BASE64</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid signing key.</exception>
    public static SigningKey Parse(string text) => TryParse(text, out var key, out var problem) ? key : throw new FormatException(problem);

    /// <summary>Signs <paramref name="message"/>: 64 bytes for Ed25519, 3309 for ML-DSA-65 (deterministic variant).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        if (_ed25519 is not null)
        {
            return NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(_ed25519, message);
        }

        var signer = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic: true);
        signer.Init(true, _mlDsa);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>The secret text form. Keep it in a file only its owner can read.</summary>
    public override string ToString()
    {
        var prefix = SignatureType.Prefix(Algorithm);
        var encoded = new byte[prefix.Length + _seed.Length];
        prefix.CopyTo(encoded);
        _seed.CopyTo(encoded, prefix.Length);
        return $"{Prefix}{Name}+{Verifier.KeyId:x8}+{Convert.ToBase64String(encoded)}";
    }

    /// <summary>Releases the native key and clears the seed.</summary>
    public void Dispose()
    {
        _ed25519?.Dispose();
        CryptographicOperations.ZeroMemory(_seed);
    }
}
