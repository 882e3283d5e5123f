using Verity.Core;
using Verity.Record.Keys;

namespace Verity.Node.Peers;

/// <summary>Who signed a peer request that was accepted: a peer party (which may read and write) or an observer
/// (which may only read).</summary>
/// <param name="Name">The party code, e.g. <c>US</c>, or <c>observer:&lt;key name&gt;</c>.</param>
/// <param name="Party">The peer's party; null for an observer.</param>
/// <param name="Key">The key that signed the request.</param>
public sealed record PeerIdentity(string Name, PartyCode? Party, VerifierKey Key)
{
    /// <summary>True for an observer key: read only.</summary>
    public bool IsObserver => Party is null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
