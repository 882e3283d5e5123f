using System.Security.Cryptography;

namespace Verity.Record.Tests.Merkle;

/// <summary>RFC 9162 §2.1 written as literally as possible: recursive MTH, PATH and PROOF over byte arrays, with no
/// shared code with the library. The fast code is checked against this.</summary>
internal static class NaiveTree
{
    public static byte[] Mth(IReadOnlyList<byte[]> d, int begin, int end)
    {
        var n = end - begin;
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return SHA256.HashData([0x00, .. d[begin]]);
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return SHA256.HashData([0x01, .. Mth(d, begin, begin + k), .. Mth(d, begin + k, end)]);
    }

    // PATH(m, D[n]) of RFC 9162 §2.1.3.1.
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d, int begin, int end)
    {
        var n = end - begin;
        if (n == 1)
        {
            return [];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        if (m < k)
        {
            var path = Path(m, d, begin, begin + k);
            path.Add(Mth(d, begin + k, end));
            return path;
        }
        else
        {
            var path = Path(m - k, d, begin + k, end);
            path.Add(Mth(d, begin, begin + k));
            return path;
        }
    }

    // SUBPROOF(m, D[n], b) of RFC 9162 §2.1.4.1.
    public static List<byte[]> Subproof(int m, IReadOnlyList<byte[]> d, int begin, int end, bool b)
    {
        var n = end - begin;
        if (m == n)
        {
            return b ? [] : [Mth(d, begin, end)];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        if (m <= k)
        {
            var proof = Subproof(m, d, begin, begin + k, b);
            proof.Add(Mth(d, begin + k, end));
            return proof;
        }
        else
        {
            var proof = Subproof(m - k, d, begin + k, end, false);
            proof.Add(Mth(d, begin, begin + k));
            return proof;
        }
    }
}
