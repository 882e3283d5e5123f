namespace Verity.Reports.Dashboard;

/// <summary>One log the node holds and what it checked of it.</summary>
/// <param name="Party">Whose log.</param>
/// <param name="Own">Whether it is the node's own log (else a mirror of a peer's).</param>
/// <param name="Size">The tree size held.</param>
/// <param name="RootHash">The checkpoint's root hash, base64; <c>null</c> without a checkpoint.</param>
/// <param name="Checkpoint">The signed checkpoint's text: of the own log, signed now; of a mirror, the party's latest that the mirror matches; <c>null</c> when none has arrived (or the one kept across a restart does not verify).</param>
/// <param name="Verified">Whether the checkpoint's signature opens with the party's key and its root is the one of the log's entries.</param>
/// <param name="Problem">Why it was not verified, if not.</param>
/// <param name="LastVerified">When it was verified: now for the own log, on ingest for a mirror; <c>null</c> if never.</param>
public sealed record LogIntegrity(string Party, bool Own, long Size, string? RootHash, string? Checkpoint, bool Verified, string? Problem, DateTimeOffset? LastVerified);
