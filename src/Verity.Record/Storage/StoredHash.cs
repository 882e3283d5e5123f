using Verity.Record.Merkle;

namespace Verity.Record.Storage;

/// <summary>A stored subtree hash: the node <see cref="Node"/> and its hash.</summary>
/// <param name="Node">The perfect subtree.</param>
/// <param name="Hash">MTH of its leaves.</param>
public readonly record struct StoredHash(NodeId Node, Sha256Hash Hash);
