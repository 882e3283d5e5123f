namespace Verity.Reports.Dashboard;

/// <summary>A peer's node as this node last saw it.</summary>
/// <param name="Party">The peer's party.</param>
/// <param name="Address">Its address.</param>
/// <param name="LastContact">When a request to it last succeeded, if ever.</param>
/// <param name="LastError">The first failure of the last round with the peer, null once a whole round with it succeeds; from the network, so untrusted text.</param>
/// <param name="Acknowledged">How much of this node's log the peer has acknowledged with a signed receipt.</param>
/// <param name="LastReceipt">That receipt, as the peer signed it.</param>
public sealed record PeerStatus(string Party, string Address, DateTimeOffset? LastContact, string? LastError, long Acknowledged, string? LastReceipt);
