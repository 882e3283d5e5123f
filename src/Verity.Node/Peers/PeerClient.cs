using Verity.Record.Keys;

namespace Verity.Node.Peers;

/// <summary>The HTTP pipeline of a node's requests to its peers.</summary>
public static class PeerClient
{
    /// <summary>A handler that signs every request as <paramref name="key"/>'s party (RFC 9421, <see cref="PeerSigningHandler"/>).</summary>
    public static HttpMessageHandler Handler(SigningKey key, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(clock);
        return new PeerSigningHandler(key, clock) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
    }
}
