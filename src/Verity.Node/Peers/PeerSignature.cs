using System.Collections.Immutable;

namespace Verity.Node.Peers;

/// <summary>Verity's profile of RFC 9421 for peer requests: what is covered, under which label, with which parameters.</summary>
/// <remarks>
/// Covered: <c>"@method" "@authority" "@path" "@query"</c> and, when the request has content,
/// <c>"content-digest"</c> (RFC 9530, sha-256). The request target is covered as <c>@authority</c> + <c>@path</c> +
/// <c>@query</c> rather than <c>@target-uri</c>: <c>@target-uri</c> includes the scheme, which a TLS-terminating proxy
/// in front of a node changes, while the authority still binds the request to the node it was meant for (so a request
/// signed for one node cannot be replayed at another) and path and query bind the resource.
/// Parameters: <c>created</c>, <c>nonce</c> (16 random bytes, base64url), <c>keyid</c> (<c>NAME+KEYID</c>),
/// <c>alg="ed25519"</c>; <c>expires</c> is honoured if a signer sends it. Label: <c>sig1</c> (RFC 9421 §4.1 leaves
/// labels to the application; a verifier here reads only <c>sig1</c>).
/// </remarks>
public static class PeerSignature
{
    /// <summary>The signature label in <c>Signature-Input</c> and <c>Signature</c>.</summary>
    public const string Label = "sig1";

    /// <summary>The <c>alg</c> parameter: EdDSA with Ed25519 (RFC 9421 §3.3.6).</summary>
    public const string Algorithm = "ed25519";

    /// <summary>The components every peer request covers.</summary>
    public static readonly ImmutableArray<string> RequiredComponents = ["@method", "@authority", "@path", "@query"];

    /// <summary>The component covering the content (RFC 9530), required whenever the request has content.</summary>
    public const string ContentDigestComponent = "content-digest";

    /// <summary>Splits a request target's path and query as <c>@path</c> and <c>@query</c> take them (RFC 9421
    /// §2.2.6: an empty path is "/"; §2.2.7: the query with its leading "?", or "?" alone when there is none). Both as
    /// sent on the wire, percent-encoding untouched.</summary>
    public static (string Path, string Query) SplitTarget(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? pathAndQuery : pathAndQuery[..question];
        var query = question < 0 ? "?" : pathAndQuery[question..];
        return (path.Length == 0 ? "/" : path, query);
    }

    /// <summary><c>@authority</c> (RFC 9421 §2.2.3): host and port, the host in lower case, the scheme's default
    /// port left out.</summary>
    public static string Authority(string hostAndPort, string scheme)
    {
        ArgumentNullException.ThrowIfNull(hostAndPort);
        var authority = hostAndPort.ToLowerInvariant();
        var defaultPort = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? ":443"
            : string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) ? ":80" : null;
        return defaultPort is not null && authority.EndsWith(defaultPort, StringComparison.Ordinal)
            ? authority[..^defaultPort.Length] : authority;
    }
}
