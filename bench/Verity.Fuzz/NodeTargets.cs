using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Verity.Core;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Fuzz;

/// <summary>The node's parsers: RFC 9421 signature headers and structured fields through the verifier every peer
/// request passes, and whole HTTP requests (paths, query strings, bodies; anonymous, operator and signed-peer) through
/// the real ASP.NET Core pipeline in process. A 5xx, or an exception out of the server, is a failure.</summary>
internal sealed class NodeTargets : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly SigningKey _us = RecordTargets.Key("US", KeyAlgorithm.Ed25519, 1);
    private readonly SigningKey _ru = RecordTargets.Key("RU", KeyAlgorithm.Ed25519, 2);
    private readonly string _directory;
    private FuzzNode? _node;

    public NodeTargets(string workDirectory)
    {
        _directory = Path.Combine(workDirectory, "node");
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        Directory.CreateDirectory(_directory);
    }

    public IEnumerable<FuzzTarget> Create(Corpus corpus)
    {
        var requests = SignedRequests();
        yield return SignatureHeaders(requests);
        yield return StructuredFieldsTarget(requests);
        yield return NodeRequests(corpus);
    }

    public void Dispose()
    {
        _node?.Dispose();
        _us.Dispose();
        _ru.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover work directory is harmless.
        }
    }

    /// <summary>Peer requests signed by RU at <see cref="Now"/>, as text: request line, header lines, blank line, body.</summary>
    private List<byte[]> SignedRequests()
    {
        using var handler = new PeerSigningHandler(_ru, new FixedClock(Now));
        var bodies = new (string Path, string? Body)[]
        {
            ("/peer/logs/RU/entries", "{\"start\":0,\"entries\":[\"AAAA\"],\"checkpoint\":\"verity.local/RU\\n1\\nAAAA\\n\\n— RU abcd\\n\"}"),
            ("/peer/gossip", "{\"checkpoints\":[]}"),
            ("/peer/logs/US/entries?start=0&count=10", null),
        };
        var seeds = new List<byte[]>();
        foreach (var (path, body) in bodies)
        {
            using var message = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, "http://us.node.example:8080" + path);
            if (body is not null)
            {
                message.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            handler.SignAsync(message, CancellationToken.None).GetAwaiter().GetResult();
            var text = new StringBuilder().Append(message.Method.Method).Append(' ').Append(path).Append('\n');
            foreach (var header in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                foreach (var value in header.Value)
                {
                    text.Append(header.Key).Append(": ").Append(value).Append('\n');
                }
            }

            text.Append('\n').Append(body);
            seeds.Add(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return seeds;
    }

    /// <summary>Every peer request is checked by <see cref="PeerRequestVerifier.VerifyAsync"/> before its handler runs:
    /// Signature-Input (a structured-field dictionary of inner lists with parameters), Signature, Content-Digest, the
    /// covered components and the body. It answers with a verdict, never an exception.</summary>
    private FuzzTarget SignatureHeaders(List<byte[]> seeds)
    {
        var verifier = new PeerRequestVerifier(new PeerKeys([new(PartyCode.Parse("RU"), _ru.Verifier)], [_us.Verifier]), new FixedClock(Now));
        return new FuzzTarget("peer-signature", "PeerRequestVerifier.VerifyAsync", seeds, async input =>
        {
            var context = ToContext(input);
            var verdict = await verifier.VerifyAsync(context, CancellationToken.None).ConfigureAwait(false);
            if (!verdict.IsAccepted && (string.IsNullOrWhiteSpace(verdict.Problem) || verdict.StatusCode is < 400 or >= 500))
            {
                throw new FuzzInvariantException($"refused with status {verdict.StatusCode} and problem '{verdict.Problem}'");
            }
        });
    }

    /// <summary>The structured-field readers alone, on the header values of the signed requests: the RFC 9421 signature
    /// parameters (an RFC 8941 dictionary of inner lists with parameters) and the RFC 9530 digest.</summary>
    private static FuzzTarget StructuredFieldsTarget(List<byte[]> requests)
    {
        var values = requests.SelectMany(r => Encoding.UTF8.GetString(r).Split('\n'))
            .Where(l => l.StartsWith("Signature", StringComparison.Ordinal) || l.StartsWith("Content-Digest", StringComparison.Ordinal))
            .Select(l => Encoding.UTF8.GetBytes(l[(l.IndexOf(':', StringComparison.Ordinal) + 2)..]))
            .ToList();
        return new FuzzTarget("structured-fields", "SignatureParameters.TryParse (RFC 8941 dictionaries), ContentDigest.TryGetSha256", values, input =>
        {
            var text = Encoding.UTF8.GetString(input);
            if (!SignatureParameters.TryParse(text, PeerSignature.Label, out var parameters, out var problem) && string.IsNullOrWhiteSpace(problem))
            {
                throw new FuzzInvariantException("signature parameters refused without a problem");
            }

            _ = parameters?.ToString();
            _ = ContentDigest.TryGetSha256(text, out _, out _);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Whole requests to the node, through routing, binding, the endpoints and their readers.</summary>
    /// <remarks>A seed is <c>WHO METHOD TARGET</c> on the first line (WHO: <c>anon</c>, <c>op</c> with the operator's
    /// token, <c>peer</c> signed by RU per RFC 9421), then the body. The node runs New START with a peer RU and an
    /// observer, in the Production environment as <c>verity serve</c> does.</remarks>
    private FuzzTarget NodeRequests(Corpus corpus)
    {
        var seeds = NodeSeeds(corpus).Select(Encoding.UTF8.GetBytes).ToList();
        return new FuzzTarget("node-requests", "the node's HTTP API (in process)", seeds, async input =>
        {
            _node ??= new FuzzNode(_directory, _us, _ru, corpus);
            var text = Encoding.UTF8.GetString(input);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            var head = (newline < 0 ? text : text[..newline]).Split(' ', 3);
            var body = newline < 0 ? null : text[(newline + 1)..];
            var who = head[0];
            var method = head.Length > 1 && IsToken(head[1]) ? head[1] : "GET";
            var target = head.Length > 2 ? head[2] : "/";
            if (!target.StartsWith('/'))
            {
                target = "/" + target;
            }

            // Not requests that reach the node: what a client cannot send, and a path with NUL, which Kestrel refuses
            // with 400 itself (TestServer throws instead).
            if (!Uri.TryCreate("http://localhost" + target, UriKind.Absolute, out var uri)
                || uri.AbsolutePath.Contains("%00", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), uri);
            if (!string.IsNullOrEmpty(body) || method is "POST" or "PUT")
            {
                request.Content = new StringContent(body ?? "", Encoding.UTF8, "application/json");
            }

            var client = who switch { "op" => _node.Operator, "peer" => _node.Peer, _ => _node.Anonymous };
            _node.LastError = null;
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500)
            {
                throw new FuzzInvariantException($"HTTP {(int)response.StatusCode} for {method} {target}: {_node.LastError?.GetType().FullName}: {_node.LastError?.Message}");
            }
        });
    }

    private static IEnumerable<string> NodeSeeds(Corpus corpus)
    {
        string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var notification = "{\"type\":\"change-in-data\",\"party\":\"US\",\"number\":\"US-000001\",\"sent\":\"2011-03-01T12:00\",\"subject\":\"MM-001\",\"triggered\":\"2011-02-28\",\"fields\":{\"uid\":\"MM-001\",\"kind\":\"icbm\",\"type\":\"Minuteman III\",\"event\":\"moved\",\"date\":\"2011-02-28\",\"status\":\"deployed\",\"location\":\"Minot AFB\"}}";
        yield return "anon GET /healthz";
        yield return "anon GET /logs/US/entries?start=0&count=10";
        yield return "anon GET /logs/US/checkpoint";
        yield return "anon GET /logs/US/proofs/inclusion?index=0&size=1";
        yield return "anon GET /logs/US/proofs/consistency?from=1&to=2";
        yield return "anon GET /logs/RU/entries?start=5";
        yield return "anon GET /parties/US/forces?at=2015-06-01";
        yield return "anon GET /parties/RU/compliance?at=2018-02-05";
        yield return "anon GET /parties/US/deadlines?at=2011-03-01";
        yield return "anon GET /parties/US/findings";
        yield return "anon GET /parties/US/items/MM-001?at=2012-01-01";
        yield return "anon GET /parties/US/diagnostics";
        yield return "anon GET /treaty/compliance?at=2018-02-05";
        yield return "anon GET /?at=2018-02-05";
        yield return "anon GET /dashboard/US?at=2018-02-05&lang=ru";
        yield return "anon GET /dashboard/US/items/MM-001";
        yield return "anon GET /network";
        yield return "op POST /statements\n{\"type\":\"note\",\"body\":\"" + B64("a remark") + "\"}";
        yield return "op POST /statements\n{\"type\":\"notification\",\"body\":\"" + B64(notification) + "\"}";
        yield return "op POST /statements\n{\"type\":\"declaration\",\"body\":\"" + B64("{\"as_of\":\"2011-02-05\",\"party\":\"US\",\"categories\":[]}") + "\"}";
        yield return "op POST /statements\n{\"type\":\"key-rotation\",\"body\":\"" + B64("US+00000000+AAAA") + "\"}";
        yield return "peer POST /peer/logs/RU/entries\n{\"start\":0,\"entries\":[\"AAAA\"],\"checkpoint\":\"verity.local/RU\\n1\\nAAAA\\n\\n— verity.local/RU abcd\\n\"}";
        yield return "peer POST /peer/gossip\n{\"checkpoints\":[\"verity.local/RU\\n0\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n\\n— verity.local/RU abcd\\n\"]}";
        yield return "peer GET /peer/logs/US/entries?start=0&count=5";
        yield return "op POST /statements\n" + Encoding.UTF8.GetString(corpus.Bytes("corpus/cli/inventories/within.csv"));
    }

    private static bool IsToken(string text) => text.Length is > 0 and <= 16 && text.All(c => c is >= 'A' and <= 'Z');

    private static DefaultHttpContext ToContext(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split('\n');
        var body = split < 0 ? [] : Encoding.UTF8.GetBytes(text[(split + 2)..]);
        var context = new DefaultHttpContext();
        var request = context.Request;
        var line = head[0].Split(' ', 2);
        request.Method = line[0];
        var target = line.Length > 1 ? line[1] : "/";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        request.Scheme = "http";
        request.Host = new HostString("us.node.example:8080");
        request.Path = new PathString("/" + (query < 0 ? target : target[..query]).TrimStart('/'));
        if (query >= 0)
        {
            request.QueryString = new QueryString(target[query..]);
        }

        foreach (var header in head.Skip(1))
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && header[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                var name = header[..colon];
                request.Headers.Append(name, header[(colon + 1)..].TrimStart());
            }
        }

        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body, writable: false);
        return context;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The node on SQLite files in the work directory, with clients for each kind of caller.</summary>
    private sealed class FuzzNode : IDisposable
    {
        private const string Token = "fuzz-operator-token";
        private readonly Factory _factory;

        public FuzzNode(string directory, SigningKey us, SigningKey ru, Corpus corpus)
        {
            // The factory looks for the node's sources beside a solution; the node needs only the files built with it.
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VERITY_NODE", AppContext.BaseDirectory);
            var keyFile = Path.Combine(directory, "US.key");
            File.WriteAllText(keyFile, us + "\n");
            var ruKey = Path.Combine(directory, "RU.vkey");
            File.WriteAllText(ruKey, ru.Verifier + "\n");
            _factory = new Factory(this, new Dictionary<string, string?>
            {
                ["party"] = "US",
                ["treaty"] = Path.Combine(corpus.Directory, "data", "treaties", "new-start.yaml"),
                ["key"] = keyFile,
                ["db"] = Path.Combine(directory, "us.db"),
                ["operator-token"] = Token,
                ["peer"] = $"RU=http://127.0.0.1:9,{ruKey}",
                ["sync-interval"] = "3600",
            });
            Anonymous = _factory.CreateClient();
            Operator = _factory.CreateClient();
            Operator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            Peer = _factory.CreateDefaultClient(new PeerSigningHandler(ru, TimeProvider.System));
        }

        public HttpClient Anonymous { get; }

        public HttpClient Operator { get; }

        public HttpClient Peer { get; }

        /// <summary>The last exception the server logged (an unhandled one, behind a 500).</summary>
        public Exception? LastError { get; set; }

        public void Dispose()
        {
            Anonymous.Dispose();
            Operator.Dispose();
            Peer.Dispose();
            _factory.Dispose();
        }

        private sealed class Factory(FuzzNode node, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
        {
            protected override void ConfigureWebHost(IWebHostBuilder builder)
            {
                builder.UseEnvironment("Production");
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }

                builder.ConfigureLogging(logging =>
                {
                    logging.ClearProviders();
                    logging.AddProvider(new ErrorCatcher(node));
                });
            }
        }

        private sealed class ErrorCatcher(FuzzNode node) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error && exception is not null)
                {
                    node.LastError = exception;
                }
            }

            public void Dispose()
            {
            }
        }
    }
}
