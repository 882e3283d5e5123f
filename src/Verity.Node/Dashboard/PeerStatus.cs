namespace Verity.Node.Dashboard;

/// <summary>A peer's node as this node last saw it.</summary>
/// <param name="Party">The peer's party.</param>
/// <param name="Address">Its address.</param>
/// <param name="Status">What the node found, such as "in sync" or "unreachable".</param>
/// <param name="LastSeen">When the node last heard from it, if ever.</param>
public sealed record PeerStatus(string Party, string Address, string Status, DateTimeOffset? LastSeen);
