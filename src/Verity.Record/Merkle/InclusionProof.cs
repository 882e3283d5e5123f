using System.Collections.Immutable;

namespace Verity.Record.Merkle;

/// <summary>An inclusion proof (RFC 9162 §2.1.3): the audit path showing that the leaf at <see cref="LeafIndex"/> is in
/// the tree of <see cref="TreeSize"/> leaves.</summary>
/// <param name="LeafIndex">The 0-based index of the leaf.</param>
/// <param name="TreeSize">The number of leaves in the tree.</param>
/// <param name="Hashes">The inclusion path, from the leaf's sibling up to the root's child (RFC 9162 §2.1.3.1).</param>
public sealed record InclusionProof(long LeafIndex, long TreeSize, ImmutableArray<Sha256Hash> Hashes)
{
    /// <summary>Verifies this proof for <paramref name="leafHash"/> against <paramref name="root"/>.</summary>
    public ProofVerification Verify(Sha256Hash leafHash, Sha256Hash root) => Verify(LeafIndex, TreeSize, leafHash, Hashes.AsSpan(), root);

    /// <summary>The number of hashes an inclusion path has for this index and size (0 if the index is outside the tree).</summary>
    public static int ExpectedLength(long leafIndex, long treeSize)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return 0;
        }

        // The path has one hash per level where the leaf's subtree has a sibling: the bits where
        // index and size-1 differ (inner part) plus the 1-bits of (size-1) above them (border part).
        var last = treeSize - 1;
        var inner = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(leafIndex ^ last));
        var border = System.Numerics.BitOperations.PopCount((ulong)(leafIndex >> inner));
        return inner + border;
    }

    /// <summary>Verifies an inclusion proof exactly as RFC 9162 §2.1.3.2 describes.</summary>
    public static ProofVerification Verify(long leafIndex, long treeSize, Sha256Hash leafHash, ReadOnlySpan<Sha256Hash> proof, Sha256Hash root)
    {
        var what = $"inclusion proof for leaf {leafIndex} at tree size {treeSize}";
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize)
        {
            // RFC 9162 §2.1.3.2 step 1: leaf_index must be less than tree_size.
            return ProofVerification.Invalid($"{what}: index {leafIndex} is beyond the tree (size {treeSize})");
        }

        var want = ExpectedLength(leafIndex, treeSize);
        if (proof.Length != want)
        {
            return ProofVerification.WrongProofSize(what, proof.Length, want);
        }

        var calculated = RootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        if (calculated is not { } r)
        {
            return ProofVerification.Invalid($"{what}: the path does not fit the tree");
        }

        return r == root ? ProofVerification.Valid(what) : ProofVerification.RootMismatch(what, r, root);
    }

    /// <summary>The root an inclusion path leads to (RFC 9162 §2.1.3.2 steps 2–4), or null if the path does not fit.</summary>
    public static Sha256Hash? RootFromInclusionProof(long leafIndex, long treeSize, Sha256Hash leafHash, ReadOnlySpan<Sha256Hash> proof)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return null;
        }

        // RFC 9162 §2.1.3.2 step 2.
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash;

        // Step 3.
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return null; // 3a
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = Rfc9162.HashChildren(p, r); // 3b.1
                if ((fn & 1) == 0)
                {
                    // 3b.2: skip the levels where this subtree has no right sibling.
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = Rfc9162.HashChildren(r, p);
            }

            fn >>= 1; // 3c
            sn >>= 1;
        }

        // Step 4: sn must be 0.
        return sn == 0 ? r : null;
    }
}
