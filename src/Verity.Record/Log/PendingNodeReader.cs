using Verity.Record.Merkle;

namespace Verity.Record.Log;

/// <summary>Reads the perfect subtrees of the right edge of a tree from the pending groups of <see cref="MerkleLog.Extend"/>:
/// exactly the nodes that make up the root, without touching the store.</summary>
internal sealed class PendingNodeReader(List<List<Sha256Hash>> pending, long size) : INodeHashReader
{
    public Task<IReadOnlyList<Sha256Hash>> ReadNodeHashesAsync(IReadOnlyList<NodeId> nodes, CancellationToken cancellationToken = default)
    {
        var result = new Sha256Hash[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var k = node.Level / MerkleLog.StoredLevelStep;
            var baseLevel = k * MerkleLog.StoredLevelStep;
            var width = 1 << (node.Level - baseLevel);
            var start = node.Index << (node.Level - baseLevel);
            var group = pending[k];
            var offset = checked((int)(start - ((size >> baseLevel) - group.Count)));
            result[i] = Rfc9162.HashPerfect(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(group).Slice(offset, width));
        }

        return Task.FromResult<IReadOnlyList<Sha256Hash>>(result);
    }
}
