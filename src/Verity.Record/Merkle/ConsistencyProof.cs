using System.Collections.Immutable;

namespace Verity.Record.Merkle;

/// <summary>A consistency proof (RFC 9162 §2.1.4): the hashes showing that the tree of <see cref="FirstSize"/> leaves is a
/// prefix of the tree of <see cref="SecondSize"/> leaves.</summary>
/// <param name="FirstSize">The size of the older tree.</param>
/// <param name="SecondSize">The size of the newer tree, at least <paramref name="FirstSize"/>.</param>
/// <param name="Hashes">The consistency path (RFC 9162 §2.1.4.1).</param>
public sealed record ConsistencyProof(long FirstSize, long SecondSize, ImmutableArray<Sha256Hash> Hashes)
{
    /// <summary>Verifies this proof between <paramref name="firstRoot"/> and <paramref name="secondRoot"/>.</summary>
    public ProofVerification Verify(Sha256Hash firstRoot, Sha256Hash secondRoot) =>
        Verify(FirstSize, SecondSize, Hashes.AsSpan(), firstRoot, secondRoot);

    /// <summary>Verifies a consistency proof exactly as RFC 9162 §2.1.4.2 describes, with the edge cases of
    /// transparency-dev/merkle: an empty first tree is consistent with anything, equal sizes need equal roots and no proof.</summary>
    public static ProofVerification Verify(long firstSize, long secondSize, ReadOnlySpan<Sha256Hash> proof, Sha256Hash firstRoot, Sha256Hash secondRoot)
    {
        var what = $"consistency proof from size {firstSize} to size {secondSize}";
        if (firstSize < 0 || secondSize < firstSize)
        {
            return ProofVerification.Invalid($"{what}: size {secondSize} is smaller than size {firstSize}");
        }

        if (firstSize == secondSize)
        {
            if (proof.Length != 0)
            {
                return ProofVerification.WrongProofSize(what, proof.Length, 0);
            }

            return firstRoot == secondRoot ? ProofVerification.Valid(what) : ProofVerification.RootMismatch(what, firstRoot, secondRoot);
        }

        if (firstSize == 0)
        {
            // Every tree extends the empty tree; there is nothing to prove.
            return proof.Length == 0 ? ProofVerification.Valid(what) : ProofVerification.WrongProofSize(what, proof.Length, 0);
        }

        var want = ExpectedLength(firstSize, secondSize);
        if (proof.Length != want)
        {
            // RFC 9162 §2.1.4.2 step 1 (an empty path fails) is the case want > 0 = proof.Length.
            return ProofVerification.WrongProofSize(what, proof.Length, want);
        }

        // Step 2: if first is an exact power of 2, the path starts with first_hash itself.
        var path = proof;
        Sha256Hash[]? withFirst = null;
        if (Rfc9162.IsPowerOfTwo(firstSize))
        {
            withFirst = new Sha256Hash[proof.Length + 1];
            withFirst[0] = firstRoot;
            proof.CopyTo(withFirst.AsSpan(1));
            path = withFirst;
        }

        // Step 3.
        var fn = firstSize - 1;
        var sn = secondSize - 1;

        // Step 4.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // Step 5.
        var fr = path[0];
        var sr = path[0];

        // Step 6.
        foreach (var c in path[1..])
        {
            if (sn == 0)
            {
                return ProofVerification.Invalid($"{what}: the path is longer than the tree"); // 6a
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Rfc9162.HashChildren(c, fr); // 6b.1
                sr = Rfc9162.HashChildren(c, sr); // 6b.2
                while ((fn & 1) == 0 && fn != 0) // 6b.3
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = Rfc9162.HashChildren(sr, c);
            }

            fn >>= 1; // 6c
            sn >>= 1;
        }

        // Step 7.
        if (sn != 0)
        {
            return ProofVerification.Invalid($"{what}: the path is shorter than the tree");
        }

        if (fr != firstRoot)
        {
            return ProofVerification.RootMismatch($"{what} (first tree)", fr, firstRoot);
        }

        return sr == secondRoot ? ProofVerification.Valid(what) : ProofVerification.RootMismatch($"{what} (second tree)", sr, secondRoot);
    }

    /// <summary>The number of hashes a consistency path has between two sizes (0 &lt; first &lt; second).</summary>
    public static int ExpectedLength(long firstSize, long secondSize)
    {
        if (firstSize <= 0 || secondSize <= firstSize)
        {
            return 0;
        }

        // As transparency-dev/merkle: the inner part below the level where the two trees' last leaves part,
        // minus the levels where the first tree's last node is a left child, plus the border above.
        var last1 = firstSize - 1;
        var last2 = secondSize - 1;
        var inner = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(last1 ^ last2));
        var shift = System.Numerics.BitOperations.TrailingZeroCount(firstSize);
        var border = System.Numerics.BitOperations.PopCount((ulong)(last1 >> inner));
        var length = inner + border - shift;
        return Rfc9162.IsPowerOfTwo(firstSize) ? length : length + 1;
    }
}
