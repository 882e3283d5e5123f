extern alias node;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using node::Verity.Node.Peers;
using Verity.Bench.Record;
using Verity.Core;
using Verity.Record.Keys;

namespace Verity.Bench.Node;

/// <summary>One peer request signed (RFC 9421, <see cref="PeerSigningHandler"/>) and verified
/// (<see cref="PeerRequestVerifier"/>: parse, digest, signature base, Ed25519, replay cache) against raw Ed25519 sign
/// and verify of a signature base of the same size: the overhead of the HTTP signature for the ingest target
/// (5,000 statements/s per peer). Content: one statement of about 150 bytes, base64 in JSON, and 100 of them.</summary>
[MemoryDiagnoser]
public class PeerRequestBenchmarks : IDisposable
{
    private readonly SteppingClock _clock = new();
    private SigningKey _key = null!;
    private PeerSigningHandler _handler = null!;
    private PeerRequestVerifier _verifier = null!;
    private byte[] _content = null!;
    private byte[] _base = null!;

    [Params(1, 100)]
    public int Statements { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = BenchLogs.Key();
        _handler = new PeerSigningHandler(_key, _clock);
        _verifier = new PeerRequestVerifier(new PeerKeys([new(PartyCode.Parse("US"), _key.Verifier)]), _clock);
        var entries = Enumerable.Range(0, Statements).Select(i => $"\"{Convert.ToBase64String(BenchLogs.Body(i))}\"");
        _content = Encoding.UTF8.GetBytes($"{{\"entries\":[{string.Join(',', entries)}]}}");
        // A signature base as the handler makes it, for the baseline.
        _base = Encoding.UTF8.GetBytes(
            "\"@method\": POST\n\"@authority\": ru.node.example:8443\n\"@path\": /peer/logs/US/entries\n\"@query\": ?\n" +
            "\"content-digest\": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\n" +
            "\"@signature-params\": (\"@method\" \"@authority\" \"@path\" \"@query\" \"content-digest\");created=1700000000;nonce=\"Qm9vdHN0cmFwcGVkTm9uY2U\";keyid=\"US+1a2b3c4d\";alg=\"ed25519\"");
    }

    [Benchmark(Baseline = true, Description = "raw Ed25519 sign + verify of a signature base")]
    public bool RawEd25519() => _key.Verifier.Verify(_base, _key.Sign(_base));

    [Benchmark(Description = "RFC 9421 peer request: sign + verify")]
    public async Task<bool> PeerRequest()
    {
        _clock.Step(); // one second per request: the replay cache holds 300 nonces, as at 1 request/s
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://ru.node.example:8443/peer/logs/US/entries")
        {
            Content = new ByteArrayContent(_content),
        };
        await _handler.SignAsync(message, CancellationToken.None).ConfigureAwait(false);

        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = message.Method.Method;
        request.Scheme = "https";
        request.Host = new HostString(message.RequestUri!.Authority);
        request.Path = message.RequestUri.AbsolutePath;
        foreach (var header in message.Headers.Concat(message.Content!.Headers))
        {
            request.Headers[header.Key] = header.Value.ToArray();
        }

        request.ContentLength = _content.Length;
        request.Body = new MemoryStream(_content, writable: false);
        var result = await _verifier.VerifyAsync(context, CancellationToken.None).ConfigureAwait(false);
        return result.IsAccepted ? true : throw new InvalidOperationException(result.Problem);
    }

    public void Dispose()
    {
        _handler?.Dispose();
        _key?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class SteppingClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public void Step() => _now = _now.AddSeconds(1);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
