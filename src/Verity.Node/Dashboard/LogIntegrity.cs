namespace Verity.Node.Dashboard;

/// <summary>One log the node holds and what it checked of it.</summary>
/// <param name="Party">Whose log.</param>
/// <param name="Size">The tree size.</param>
/// <param name="RootHash">The root hash, base64.</param>
/// <param name="Checkpoint">The latest signed checkpoint's text.</param>
/// <param name="Verified">Whether the checkpoint's signature and root were verified with the party's key.</param>
/// <param name="Problem">Why it was not verified, if not.</param>
/// <param name="LastSeen">When the node last read it.</param>
public sealed record LogIntegrity(string Party, long Size, string RootHash, string Checkpoint, bool Verified, string? Problem, DateTimeOffset LastSeen);
