namespace Verity.Record.Merkle;

/// <summary>Reads the hashes of perfect subtrees of one tree: what proof generation needs, nothing more.</summary>
public interface INodeHashReader
{
    /// <summary>The hashes of <paramref name="nodes"/>, in the same order. Every node is a perfect subtree inside the tree.</summary>
    Task<IReadOnlyList<Sha256Hash>> ReadNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default);
}
