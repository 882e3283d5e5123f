namespace Verity.Node.Peers;

/// <summary>What this node last saw of a peer.</summary>
/// <param name="Party">The peer's party.</param>
/// <param name="Url">Its node.</param>
/// <param name="LastContact">When a request to it last succeeded.</param>
/// <param name="LastError">The first failure of the last round with the peer, shown as it happens; null once a whole round with it succeeds.</param>
/// <param name="Acknowledged">How much of this node's log the peer has acknowledged with a signed receipt.</param>
/// <param name="LastReceipt">That receipt, as the peer signed it.</param>
public sealed record PeerStatus(string Party, Uri Url, DateTimeOffset? LastContact, string? LastError, long Acknowledged, string? LastReceipt);
