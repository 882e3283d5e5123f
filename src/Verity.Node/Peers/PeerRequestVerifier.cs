using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Verity.Node.Peers;

/// <summary>Checks the RFC 9421 signature of an incoming peer request (Verity's profile, <see cref="PeerSignature"/>)
/// and says who sent it or exactly why it is refused. One per node (it holds the replay cache).</summary>
/// <remarks>Order of checks: headers present and well formed; <c>keyid</c> known; <c>alg</c> is <c>ed25519</c>;
/// <c>created</c> and <c>nonce</c> present; the required components covered; <c>created</c> within the window
/// and <c>expires</c> not passed; the body (read up to <see cref="PeerAuthenticationOptions.MaxBodyBytes"/>, then
/// rewound for the endpoint) matches <c>Content-Digest</c>; the signature verifies; only then is the nonce recorded,
/// so forged requests cannot fill the replay cache; lastly an observer may only read (GET, HEAD).</remarks>
public sealed class PeerRequestVerifier
{
    private const int MaxNonceLength = 128;

    private readonly PeerKeys _keys;
    private readonly TimeProvider _clock;
    private readonly PeerAuthenticationOptions _options;
    private readonly ReplayCache _replays;

    /// <summary>A verifier over <paramref name="keys"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is not positive.</exception>
    public PeerRequestVerifier(PeerKeys keys, TimeProvider clock, PeerAuthenticationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new PeerAuthenticationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxClockSkew, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxBodyBytes, 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ReplayCacheCapacity, 0, nameof(options));
        _keys = keys;
        _clock = clock;
        _options = options;
        _replays = new ReplayCache(options.ReplayCacheCapacity);
    }

    /// <summary>The nonces remembered now.</summary>
    public int RememberedNonces => _replays.Count;

    /// <summary>Checks <paramref name="context"/>'s request. Reads and rewinds the body when there is one.</summary>
    public async Task<PeerVerification> VerifyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var inputField = request.Headers["Signature-Input"];
        var signatureField = request.Headers["Signature"];
        if (inputField.Count == 0 || signatureField.Count == 0)
        {
            return PeerVerification.Unauthorized(inputField.Count == 0 && signatureField.Count == 0
                ? "missing Signature and Signature-Input headers: peer requests are signed (RFC 9421)"
                : $"missing {(inputField.Count == 0 ? "Signature-Input" : "Signature")} header (RFC 9421 §4)");
        }

        // RFC 9110 §5.3: several field lines are one value joined with ", ".
        if (!SignatureParameters.TryParse(string.Join(", ", inputField.ToArray()), PeerSignature.Label, out var parameters, out var problem))
        {
            return PeerVerification.Unauthorized(problem);
        }

        if (!TryReadSignature(string.Join(", ", signatureField.ToArray()), out var signature, out problem))
        {
            return PeerVerification.Unauthorized(problem);
        }

        if (parameters.KeyId is not { } keyId)
        {
            return PeerVerification.Unauthorized("Signature-Input has no keyid");
        }

        if (_keys.Find(keyId) is not { } peer)
        {
            return PeerVerification.Unauthorized($"unknown keyid \"{keyId}\": not a key of any peer or observer of this node");
        }

        if (parameters.Algorithm != PeerSignature.Algorithm)
        {
            return PeerVerification.Unauthorized(parameters.Algorithm is null
                ? "Signature-Input has no alg: peer requests say alg=\"ed25519\""
                : $"alg \"{parameters.Algorithm}\" is not \"ed25519\": peer requests are signed with Ed25519 (RFC 9421 §3.3.6)");
        }

        if (parameters.Created is not { } created)
        {
            return PeerVerification.Unauthorized("Signature-Input has no created");
        }

        if (parameters.Nonce is not { } nonce || nonce.Length == 0 || nonce.Length > MaxNonceLength)
        {
            return PeerVerification.Unauthorized(parameters.Nonce is null ? "Signature-Input has no nonce"
                : $"nonce is {parameters.Nonce.Length} characters: expected 1 to {MaxNonceLength}");
        }

        if (PeerSignature.RequiredComponents.FirstOrDefault(c => !parameters.Components.Contains(c)) is { } uncovered)
        {
            return PeerVerification.Unauthorized($"required component \"{uncovered}\" is not covered by the signature");
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var window = (long)_options.Window.TotalSeconds;
        var skew = (long)_options.MaxClockSkew.TotalSeconds;
        if (now - created > window)
        {
            return PeerVerification.Unauthorized($"created {created} is {now - created} s old: the window is {window} s");
        }

        if (created - now > skew)
        {
            return PeerVerification.Unauthorized($"created {created} is {created - now} s in the future: the allowed clock skew is {skew} s");
        }

        if (parameters.Expires is { } expires && now > expires)
        {
            return PeerVerification.Unauthorized($"the signature expired at {expires}, {now - expires} s ago");
        }

        var digestCovered = parameters.Components.Contains(PeerSignature.ContentDigestComponent);
        var body = await CheckBodyAsync(request, digestCovered, cancellationToken).ConfigureAwait(false);
        if (body is not null)
        {
            return body;
        }

        var (path, query) = PeerSignature.SplitTarget(RawTarget(context));
        var authority = PeerSignature.Authority(request.Host.Value ?? "", request.Scheme);
        if (!SignatureBase.TryCreate(parameters, component => component switch
        {
            "@method" => request.Method,
            "@authority" => authority,
            "@path" => path,
            "@query" => query,
            _ when component.StartsWith('@') => null,
            // RFC 9421 §2.1: a field's values, trimmed, joined with ", ".
            _ => request.Headers.TryGetValue(component, out var values) && values.Count > 0
                ? string.Join(", ", values.Select(v => v?.Trim())) : null,
        }, out var signatureBase, out problem))
        {
            return PeerVerification.Unauthorized(problem);
        }

        if (!peer.Key.Verify(Encoding.UTF8.GetBytes(signatureBase), signature))
        {
            return PeerVerification.Unauthorized($"signature invalid: it does not verify with key {keyId} over the request as received");
        }

        switch (_replays.TryAdd($"{keyId}\n{nonce}", created + window, now))
        {
            case ReplayCache.Outcome.Replayed:
                return PeerVerification.Unauthorized($"nonce \"{nonce}\" was already used within the last {window} s: a replayed request");
            case ReplayCache.Outcome.Full:
                return new PeerVerification(null, StatusCodes.Status503ServiceUnavailable,
                    $"the replay cache is full ({_options.ReplayCacheCapacity} nonces within {window} s); retry later");
        }

        if (peer.IsObserver && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return new PeerVerification(peer, StatusCodes.Status403Forbidden, $"{peer.Name} is an observer key: it may read (GET), not {request.Method}");
        }

        return PeerVerification.Accepted(peer);
    }

    private static bool TryReadSignature(string field, out byte[] signature, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        signature = [];
        if (!StructuredFields.TryParseDictionary(field, out var members, out var syntax))
        {
            problem = $"Signature is not a structured-field dictionary (RFC 8941 §3.2): {syntax}";
            return false;
        }

        var member = members.Find(m => m.Key == PeerSignature.Label);
        if (member.Key is null)
        {
            problem = $"Signature has no signature labelled '{PeerSignature.Label}' (labels: {string.Join(", ", members.Select(m => m.Key))})";
            return false;
        }

        if (member.Value.Item is not byte[] bytes)
        {
            problem = $"Signature '{PeerSignature.Label}' is not a byte sequence (RFC 9421 §4.2)";
            return false;
        }

        signature = bytes;
        problem = null;
        return true;
    }

    /// <summary>The request target as sent (percent-encoding untouched); rebuilt from the parsed parts where the
    /// server does not keep it.</summary>
    private static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !string.IsNullOrEmpty(raw) && raw[0] == '/' ? raw
            : context.Request.PathBase.Add(context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent();
    }

    /// <summary>Reads the body (bounded) to check it against Content-Digest, then rewinds it; null if fine.</summary>
    private async Task<PeerVerification?> CheckBodyAsync(HttpRequest request, bool digestCovered, CancellationToken cancellationToken)
    {
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (!canHaveBody && !digestCovered)
        {
            return null;
        }

        if (request.ContentLength > _options.MaxBodyBytes)
        {
            return TooLarge(request.ContentLength.Value);
        }

        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        long length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > _options.MaxBodyBytes)
                {
                    return TooLarge(length);
                }

                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        request.Body.Position = 0;
        if (!digestCovered)
        {
            return length == 0 ? null
                : PeerVerification.Unauthorized($"the request has {length} bytes of content but \"content-digest\" is not covered by the signature");
        }

        var field = request.Headers[ContentDigest.FieldName];
        if (field.Count == 0)
        {
            return PeerVerification.Unauthorized("content-digest is covered but the Content-Digest header is missing");
        }

        if (!ContentDigest.TryGetSha256(string.Join(", ", field.ToArray()), out var claimed, out var problem))
        {
            return PeerVerification.Unauthorized(problem);
        }

        var actual = hash.GetHashAndReset();
        return CryptographicOperations.FixedTimeEquals(claimed, actual) ? null
            : PeerVerification.Unauthorized(
                $"Content-Digest does not match the body: the {length} bytes received hash to sha-256=:{Convert.ToBase64String(actual)}:, the header says :{Convert.ToBase64String(claimed)}:");
    }

    private PeerVerification TooLarge(long length) => new(null, StatusCodes.Status413PayloadTooLarge,
        $"the body is {length} bytes or more: peer requests carry at most {_options.MaxBodyBytes}");
}
