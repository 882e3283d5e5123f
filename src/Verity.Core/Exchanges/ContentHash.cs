using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Verity.Core.Exchanges;

/// <summary>A SHA-256 digest, held as four big-endian words; <c>default</c> is the all-zero digest.</summary>
public readonly record struct ContentHash
{
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    private ContentHash(ReadOnlySpan<byte> digest)
    {
        _a = BinaryPrimitives.ReadUInt64BigEndian(digest);
        _b = BinaryPrimitives.ReadUInt64BigEndian(digest[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(digest[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(digest[24..]);
    }

    /// <summary>The SHA-256 digest of some bytes.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes, digest);
        return new ContentHash(digest);
    }

    /// <summary>The 64 lower-case hexadecimal digits.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_a:x16}{_b:x16}{_c:x16}{_d:x16}");
}
