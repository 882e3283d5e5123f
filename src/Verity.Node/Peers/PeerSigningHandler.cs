using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Verity.Record.Keys;

namespace Verity.Node.Peers;

/// <summary>Signs every outgoing peer request with the party's Ed25519 key as RFC 9421 says, in Verity's profile
/// (<see cref="PeerSignature"/>): adds <c>Content-Digest</c> when there is content, then <c>Signature-Input</c> and
/// <c>Signature</c> under the label <c>sig1</c>, with <c>created</c> from the clock and a fresh random nonce.</summary>
/// <example><code>
/// var client = new HttpClient(new PeerSigningHandler(key, TimeProvider.System) { InnerHandler = new SocketsHttpHandler() })
/// {
///     BaseAddress = new Uri("https://ru.node.example/"),
/// };
/// </code></example>
public sealed class PeerSigningHandler : DelegatingHandler
{
    private readonly SigningKey _key;
    private readonly TimeProvider _clock;
    private readonly string _keyId;

    /// <summary>A handler signing with <paramref name="key"/>; pass the inner handler through
    /// <see cref="DelegatingHandler.InnerHandler"/> or an <c>IHttpClientFactory</c> pipeline.</summary>
    /// <exception cref="ArgumentException">The key is not Ed25519 (RFC 9421 registers no ML-DSA algorithm).</exception>
    public PeerSigningHandler(SigningKey key, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(clock);
        if (key.Algorithm != KeyAlgorithm.Ed25519)
        {
            throw new ArgumentException(
                $"key {PeerKeys.KeyIdOf(key.Verifier)} is {key.Algorithm}: peer requests are signed with Ed25519 only (RFC 9421 §3.3.6)", nameof(key));
        }

        _key = key;
        _clock = clock;
        _keyId = PeerKeys.KeyIdOf(key.Verifier);
    }

    /// <summary>Signs <paramref name="request"/> in place (also used by <see cref="SendAsync"/>): the headers it
    /// adds replace any of the same name.</summary>
    /// <exception cref="ArgumentException">The request has no absolute URI.</exception>
    public async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("a peer request needs an absolute URI (set HttpClient.BaseAddress)", nameof(request));
        }

        var components = new List<string>(PeerSignature.RequiredComponents);
        string? digest = null;
        if (request.Content is { } content)
        {
            // The bytes sent are the bytes hashed: buffer once, then HttpClient sends the buffer.
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            digest = ContentDigest.Create(body);
            content.Headers.Remove(ContentDigest.FieldName);
            content.Headers.TryAddWithoutValidation(ContentDigest.FieldName, digest);
            components.Add(PeerSignature.ContentDigestComponent);
        }

        var created = _clock.GetUtcNow().ToUnixTimeSeconds();
        var parameters = SignatureParameters.Create(components, created, _keyId, PeerSignature.Algorithm, NewNonce());
        var (path, query) = PeerSignature.SplitTarget(uri.PathAndQuery);
        var authority = PeerSignature.Authority(request.Headers.Host ?? uri.Authority, uri.Scheme);
        var method = request.Method.Method;
        var signatureBase = SignatureBase.Create(parameters, component => component switch
        {
            "@method" => method,
            "@authority" => authority,
            "@path" => path,
            "@query" => query,
            PeerSignature.ContentDigestComponent => digest,
            _ => null,
        });
        var signature = _key.Sign(Encoding.UTF8.GetBytes(signatureBase));

        request.Headers.Remove("Signature-Input");
        request.Headers.Remove("Signature");
        request.Headers.TryAddWithoutValidation("Signature-Input", string.Create(CultureInfo.InvariantCulture, $"{PeerSignature.Label}={parameters}"));
        request.Headers.TryAddWithoutValidation("Signature", $"{PeerSignature.Label}=:{Convert.ToBase64String(signature)}:");
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SignAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
