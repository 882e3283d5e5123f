namespace Verity.Record.Merkle;

/// <summary>A perfect subtree: the node at <see cref="Level"/> (0 = leaves) covering leaves
/// [Index·2^Level, (Index+1)·2^Level).</summary>
/// <param name="Level">Height above the leaves, 0 to 63.</param>
/// <param name="Index">Position among the nodes of that level, from 0.</param>
public readonly record struct NodeId(int Level, long Index)
{
    /// <summary>The first leaf this node covers.</summary>
    public long FirstLeaf => Index << Level;

    /// <summary>The number of leaves this node covers.</summary>
    public long LeafCount => 1L << Level;

    /// <inheritdoc/>
    public override string ToString() => $"node {Index} at level {Level}";
}
