using Verity.Record.Keys;

namespace Verity.Node.Peers;

/// <summary>Another party's node: where it listens, the key its log and its requests are signed with, and the origin
/// line of its checkpoints.</summary>
/// <param name="Party">The peer's party, e.g. "RU".</param>
/// <param name="Url">The node's base URL, ending in '/'.</param>
/// <param name="Key">The party's verifier key as configured (a key rotation in its log may replace it).</param>
/// <param name="Origin">The origin line its checkpoints carry.</param>
public sealed record Peer(string Party, Uri Url, VerifierKey Key, string Origin);
