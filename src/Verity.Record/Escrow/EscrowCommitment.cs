using Verity.Record.Merkle;

namespace Verity.Record.Escrow;

/// <summary>What a party publishes for an escrowed declaration: the Merkle root over the salted items and their count.
/// It binds the party to every item without disclosing any (Philippe, Glaser &amp; Felten, Science &amp; Global
/// Security 27(1), 2019).</summary>
/// <param name="Root">MTH over leaves salt || item (RFC 9162 hashing).</param>
/// <param name="Count">The number of declared items.</param>
public sealed record EscrowCommitment(Sha256Hash Root, long Count);
