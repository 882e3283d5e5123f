namespace Verity.Record.Merkle;

/// <summary>Generates roots, inclusion proofs and consistency proofs (RFC 9162 §2.1.3.1, §2.1.4.1) from perfect-subtree
/// hashes, reading each needed node once, so a proof costs O(log n) node reads.</summary>
/// <remarks>
/// The RFC defines both proofs as lists of MTH(D[a:b]) over ranges [a, b). Every such range starts at a multiple of the
/// smallest power of two not below its length, so it splits into perfect subtrees whose sizes are the binary digits of
/// b − a, largest first; MTH of the range is the right fold of those nodes with HASH(0x01 || l || r).
/// <code>
///        MTH(D[0:7])                 [0:7) = [0:4) + [4:6) + [6:7)
///        /         \
///    [0:4)        [4:7)              MTH = H(n[0:4], H(n[4:6], n[6:7]))
///                 /    \
///             [4:6)   [6:7)
/// </code>
/// </remarks>
public static class ProofBuilder
{
    /// <summary>MTH(D[0:size]): the root of the tree of the first <paramref name="treeSize"/> leaves.</summary>
    public static async Task<Sha256Hash> RootAsync(INodeHashReader reader, long treeSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        if (treeSize == 0)
        {
            return Rfc9162.EmptyRoot;
        }

        var hashes = await FoldRangesAsync(reader, [(0, treeSize)], cancellationToken).ConfigureAwait(false);
        return hashes[0];
    }

    /// <summary>PATH(m, D[n]) of RFC 9162 §2.1.3.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not inside the tree.</exception>
    public static async Task<InclusionProof> InclusionAsync(INodeHashReader reader, long leafIndex, long treeSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"leaf index {leafIndex} is beyond the tree (size {treeSize})");
        }

        var ranges = InclusionRanges(leafIndex, treeSize);
        var hashes = await FoldRangesAsync(reader, ranges, cancellationToken).ConfigureAwait(false);
        return new InclusionProof(leafIndex, treeSize, [.. hashes]);
    }

    /// <summary>PROOF(m, D[n]) of RFC 9162 §2.1.4.1; empty when m is 0 or m equals n.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sizes are negative or out of order.</exception>
    public static async Task<ConsistencyProof> ConsistencyAsync(INodeHashReader reader, long firstSize, long secondSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (firstSize < 0 || secondSize < firstSize)
        {
            throw new ArgumentOutOfRangeException(nameof(firstSize), firstSize, $"size {firstSize} is not between 0 and size {secondSize}");
        }

        if (firstSize == 0 || firstSize == secondSize)
        {
            return new ConsistencyProof(firstSize, secondSize, []);
        }

        var ranges = ConsistencyRanges(firstSize, secondSize);
        var hashes = await FoldRangesAsync(reader, ranges, cancellationToken).ConfigureAwait(false);
        return new ConsistencyProof(firstSize, secondSize, [.. hashes]);
    }

    /// <summary>The ranges [a, b) whose MTH make up PATH(m, D[n]), in proof order.</summary>
    public static IReadOnlyList<(long Begin, long End)> InclusionRanges(long leafIndex, long treeSize)
    {
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])      for m < k
        //               = PATH(m - k, D[k:n]) : MTH(D[0:k])  for m >= k
        // Iterating from the top, each step adds the sibling range; the list is reversed at the end (leaf first).
        var ranges = new List<(long, long)>();
        long begin = 0, end = treeSize;
        while (end - begin > 1)
        {
            var k = Rfc9162.SplitPoint(end - begin);
            if (leafIndex < begin + k)
            {
                ranges.Add((begin + k, end));
                end = begin + k;
            }
            else
            {
                ranges.Add((begin, begin + k));
                begin += k;
            }
        }

        ranges.Reverse();
        return ranges;
    }

    /// <summary>The ranges [a, b) whose MTH make up PROOF(m, D[n]), in proof order (0 &lt; m &lt; n).</summary>
    public static IReadOnlyList<(long Begin, long End)> ConsistencyRanges(long firstSize, long secondSize)
    {
        // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
        // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          for m <= k
        //                      = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  for m > k
        var ranges = new List<(long, long)>();
        long begin = 0, end = secondSize, m = firstSize;
        var whole = true;
        while (m != end - begin)
        {
            var k = Rfc9162.SplitPoint(end - begin);
            if (m <= k)
            {
                ranges.Add((begin + k, end));
                end = begin + k;
            }
            else
            {
                ranges.Add((begin, begin + k));
                m -= k;
                begin += k;
                whole = false;
            }
        }

        if (!whole)
        {
            ranges.Add((begin, end));
        }

        ranges.Reverse();
        return ranges;
    }

    /// <summary>The perfect subtrees covering [begin, end), left to right (see the remarks on alignment).</summary>
    public static IReadOnlyList<NodeId> Decompose(long begin, long end)
    {
        var nodes = new List<NodeId>();
        while (begin < end)
        {
            var level = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(end - begin));
            nodes.Add(new NodeId(level, begin >> level));
            begin += 1L << level;
        }

        return nodes;
    }

    private static async Task<Sha256Hash[]> FoldRangesAsync(INodeHashReader reader, IReadOnlyList<(long Begin, long End)> ranges, CancellationToken cancellationToken)
    {
        var perRange = new List<IReadOnlyList<NodeId>>(ranges.Count);
        var wanted = new List<NodeId>();
        var seen = new HashSet<NodeId>();
        foreach (var (begin, end) in ranges)
        {
            var nodes = Decompose(begin, end);
            perRange.Add(nodes);
            foreach (var node in nodes)
            {
                if (seen.Add(node))
                {
                    wanted.Add(node);
                }
            }
        }

        var read = await reader.ReadNodeHashesAsync(wanted, cancellationToken).ConfigureAwait(false);
        if (read.Count != wanted.Count)
        {
            throw new InvalidOperationException($"node reader returned {read.Count} hashes for {wanted.Count} nodes");
        }

        var byNode = new Dictionary<NodeId, Sha256Hash>(wanted.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            byNode[wanted[i]] = read[i];
        }

        var result = new Sha256Hash[ranges.Count];
        for (var r = 0; r < perRange.Count; r++)
        {
            var nodes = perRange[r];
            var hash = byNode[nodes[^1]];
            for (var i = nodes.Count - 2; i >= 0; i--)
            {
                hash = Rfc9162.HashChildren(byNode[nodes[i]], hash);
            }

            result[r] = hash;
        }

        return result;
    }
}
