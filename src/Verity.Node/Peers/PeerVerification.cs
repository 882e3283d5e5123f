namespace Verity.Node.Peers;

/// <summary>The outcome of checking a peer request: the caller, or the HTTP status and the reason it was refused.</summary>
/// <param name="Peer">Who signed; null if refused.</param>
/// <param name="StatusCode">200 if accepted; else 401 (not authenticated), 403 (an observer writing), 413 (body too
/// large to check) or 503 (replay cache full).</param>
/// <param name="Problem">Why it was refused, for the problem detail; null if accepted.</param>
public sealed record PeerVerification(PeerIdentity? Peer, int StatusCode, string? Problem)
{
    /// <summary>True if the request may proceed.</summary>
    public bool IsAccepted => Peer is not null && Problem is null;

    internal static PeerVerification Accepted(PeerIdentity peer) => new(peer, StatusCodes.Status200OK, null);

    internal static PeerVerification Unauthorized(string problem) => new(null, StatusCodes.Status401Unauthorized, problem);
}
