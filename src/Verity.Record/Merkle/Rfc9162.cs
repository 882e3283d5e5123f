using System.Buffers;
using System.Numerics;
using System.Security.Cryptography;

namespace Verity.Record.Merkle;

/// <summary>The Merkle Tree Hash of RFC 9162 §2.1.1 with SHA-256: leaf and interior node hashing, and tree arithmetic.</summary>
public static class Rfc9162
{
    private const int StackLimit = 1024;

    /// <summary>MTH({}) = SHA-256(): the hash of the empty tree (RFC 9162 §2.1.1).</summary>
    public static Sha256Hash EmptyRoot { get; } = Sha256Hash.Compute([]);

    /// <summary>MTH({d(0)}) = SHA-256(0x00 || d(0)): the hash of one entry (RFC 9162 §2.1.1).</summary>
    public static Sha256Hash HashLeaf(ReadOnlySpan<byte> entry)
    {
        var length = entry.Length + 1;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            return Sha256Hash.Compute(buffer);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>SHA-256(0x01 || left || right): the hash of an interior node (RFC 9162 §2.1.1).</summary>
    public static Sha256Hash HashChildren(Sha256Hash left, Sha256Hash right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Sha256Hash.Length)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Sha256Hash.Length)..]);
        Span<byte> digest = stackalloc byte[Sha256Hash.Length];
        SHA256.HashData(buffer, digest);
        return Sha256Hash.FromBytes(digest);
    }

    /// <summary>The k of RFC 9162 §2.1.1: the largest power of two smaller than <paramref name="n"/> (n &gt; 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 2.</exception>
    public static long SplitPoint(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        return 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
    }

    /// <summary>True if <paramref name="n"/> is a power of two (1, 2, 4, …).</summary>
    public static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>The hash of a perfect subtree from its 2^h consecutive child hashes at the level below, folded pairwise.</summary>
    /// <exception cref="ArgumentException">The count is not a power of two.</exception>
    public static Sha256Hash HashPerfect(ReadOnlySpan<Sha256Hash> hashes)
    {
        if (!IsPowerOfTwo(hashes.Length))
        {
            throw new ArgumentException($"a perfect subtree has a power-of-two number of children, got {hashes.Length}", nameof(hashes));
        }

        if (hashes.Length == 1)
        {
            return hashes[0];
        }

        Span<Sha256Hash> work = hashes.Length <= 256 ? stackalloc Sha256Hash[hashes.Length] : new Sha256Hash[hashes.Length];
        hashes.CopyTo(work);
        for (var count = work.Length; count > 1; count /= 2)
        {
            for (var i = 0; i < count / 2; i++)
            {
                work[i] = HashChildren(work[2 * i], work[(2 * i) + 1]);
            }
        }

        return work[0];
    }
}
