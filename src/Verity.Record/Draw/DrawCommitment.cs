using Verity.Record.Merkle;

namespace Verity.Record.Draw;

/// <summary>A party's commitment to its secret nonce for a joint draw: SHA-256(nonce).</summary>
/// <param name="Party">The party.</param>
/// <param name="Hash">SHA-256 of the 32-byte nonce.</param>
public sealed record DrawCommitment(string Party, Sha256Hash Hash);
