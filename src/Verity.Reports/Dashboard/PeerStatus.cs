namespace Verity.Reports.Dashboard;

/// <summary>A peer's node as this node last saw it.</summary>
/// <param name="Party">The peer's party.</param>
/// <param name="Address">Its address.</param>
/// <param name="LastContact">When a request to it last succeeded, if ever.</param>
/// <param name="LastError">The last failure, if the last exchange failed; from the network, so untrusted text.</param>
/// <param name="Acknowledged">How much of this node's log the peer has acknowledged with a signed receipt.</param>
/// <param name="LastReceipt">That receipt, as the peer signed it.</param>
public sealed record PeerStatus(string Party, string Address, DateTimeOffset? LastContact, string? LastError, long Acknowledged, string? LastReceipt);
