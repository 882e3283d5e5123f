using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Verity.Record.Merkle;

/// <summary>A SHA-256 digest: exactly 32 bytes, compared by value.</summary>
/// <remarks><c>default</c> is the all-zero digest, which no real input is known to produce; it is a value, not "absent".</remarks>
public readonly struct Sha256Hash : IEquatable<Sha256Hash>
{
    /// <summary>The digest length in bytes.</summary>
    public const int Length = 32;

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private Sha256Hash(ReadOnlySpan<byte> bytes)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>The digest of the given 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public static Sha256Hash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"a SHA-256 hash is {Length} bytes, got {bytes.Length}", nameof(bytes));
        }

        return new Sha256Hash(bytes);
    }

    /// <summary>SHA-256 of <paramref name="data"/>.</summary>
    public static Sha256Hash Compute(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Length];
        SHA256.HashData(data, digest);
        return new Sha256Hash(digest);
    }

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Lower-case hexadecimal, 64 characters.</summary>
    public string ToHex() => Convert.ToHexStringLower(ToArray());

    /// <summary>Standard base64 (RFC 4648 §4), 44 characters.</summary>
    public string ToBase64() => Convert.ToBase64String(ToArray());

    /// <summary>Parses 64 hexadecimal characters.</summary>
    public static bool TryParseHex([NotNullWhen(true)] string? text, out Sha256Hash hash)
    {
        hash = default;
        if (text is null || text.Length != 2 * Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        if (Convert.FromHexString(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Length)
        {
            return false;
        }

        hash = new Sha256Hash(bytes);
        return true;
    }

    /// <summary>Parses 64 hexadecimal characters.</summary>
    /// <exception cref="FormatException">The text is not 64 hexadecimal characters.</exception>
    public static Sha256Hash ParseHex(string text) => TryParseHex(text, out var hash) ? hash
        : throw new FormatException($"'{text}' is not a SHA-256 hash: expected 64 hexadecimal characters.");

    /// <summary>Parses standard base64 of exactly 32 bytes.</summary>
    public static bool TryParseBase64([NotNullWhen(true)] string? text, out Sha256Hash hash)
    {
        hash = default;
        if (text is null || text.Length != 44)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[33];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        hash = new Sha256Hash(bytes[..Length]);
        return true;
    }

    /// <summary>Parses standard base64 of exactly 32 bytes.</summary>
    /// <exception cref="FormatException">The text is not the base64 of 32 bytes.</exception>
    public static Sha256Hash ParseBase64(string text) => TryParseBase64(text, out var hash) ? hash
        : throw new FormatException($"'{text}' is not a SHA-256 hash: expected the base64 of 32 bytes (44 characters).");

    /// <inheritdoc/>
    public bool Equals(Sha256Hash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sha256Hash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c, _d);

    /// <summary>Lower-case hexadecimal.</summary>
    public override string ToString() => ToHex();

    /// <summary>Value equality.</summary>
    public static bool operator ==(Sha256Hash left, Sha256Hash right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Sha256Hash left, Sha256Hash right) => !left.Equals(right);
}
