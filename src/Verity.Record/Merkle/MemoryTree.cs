namespace Verity.Record.Merkle;

/// <summary>A whole Merkle tree in memory, every level kept: for small trees built at once, such as an escrowed
/// declaration. Roots and proofs are computed synchronously from the kept levels.</summary>
public sealed class MemoryTree
{
    private readonly List<Sha256Hash[]> _levels;

    /// <summary>Builds the tree over <paramref name="leafHashes"/>.</summary>
    public MemoryTree(IEnumerable<Sha256Hash> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        _levels = [[.. leafHashes]];
        while (_levels[^1].Length > 1)
        {
            var below = _levels[^1];
            var level = new Sha256Hash[below.Length / 2];
            for (var i = 0; i < level.Length; i++)
            {
                level[i] = Rfc9162.HashChildren(below[2 * i], below[(2 * i) + 1]);
            }

            _levels.Add(level);
        }
    }

    /// <summary>The number of leaves.</summary>
    public long Size => _levels[0].Length;

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public Sha256Hash LeafHash(long index) => _levels[0][index];

    /// <summary>MTH of the whole tree.</summary>
    public Sha256Hash Root => Size == 0 ? Rfc9162.EmptyRoot : Fold(0, Size);

    /// <summary>PATH(m, D[n]) for the whole tree (RFC 9162 §2.1.3.1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the tree.</exception>
    public InclusionProof Inclusion(long leafIndex)
    {
        if (leafIndex < 0 || leafIndex >= Size)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"leaf index {leafIndex} is beyond the tree (size {Size})");
        }

        return new InclusionProof(leafIndex, Size, [.. ProofBuilder.InclusionRanges(leafIndex, Size).Select(r => Fold(r.Begin, r.End))]);
    }

    private Sha256Hash Fold(long begin, long end)
    {
        var nodes = ProofBuilder.Decompose(begin, end);
        var hash = Node(nodes[^1]);
        for (var i = nodes.Count - 2; i >= 0; i--)
        {
            hash = Rfc9162.HashChildren(Node(nodes[i]), hash);
        }

        return hash;
    }

    private Sha256Hash Node(NodeId node) => _levels[node.Level][node.Index];
}
