using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Verity.Core;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Node.Tests.Peers;

public sealed class PeerAuthenticationTests : IAsyncLifetime
{
    private readonly FakeClock _serverClock = new(PeerServer.Start);
    private readonly FakeClock _clientClock = new(PeerServer.Start);
    private PeerServer _server = null!;

    public async Task InitializeAsync() => _server = await PeerServer.StartAsync(_serverClock);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_SignedByPeer_AcceptedAndCallerKnown()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami?x=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("US", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SignedByPeer_BodyCheckedAndStillReadable()
    {
        using var client = _server.Client(PeerServer.Ru, _clientClock);

        var response = await client.PostAsync(new Uri("/peer/echo/RU", UriKind.Relative), new StringContent("entries"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("RU:entries", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_PeerPushingAnotherPartysLog_EndpointSeesTheCaller()
    {
        using var client = _server.Client(PeerServer.Ru, _clientClock);

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_BoundBody_VerifiedBeforeBinding()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
        {
            var digest = request.Content!.Headers.GetValues("Content-Digest").Single();
            request.Content = new StringContent("not json", Encoding.UTF8, "application/json");
            request.Content.Headers.TryAddWithoutValidation("Content-Digest", digest);
        });

        var response = await client.PostAsJsonAsync(new Uri("/peer/bound", UriKind.Relative), new PeerServer.Payload("x"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "Content-Digest does not match the body");
    }

    [Fact]
    public async Task Post_BoundBody_Accepted()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.PostAsJsonAsync(new Uri("/peer/bound", UriKind.Relative), new PeerServer.Payload("x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("US:x", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Unsigned_401MissingHeaders()
    {
        using var client = _server.Plain();

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "missing Signature and Signature-Input headers");
    }

    [Fact]
    public async Task Get_SignedByWrongKeyClaimingPeer_401SignatureInvalid()
    {
        var usKeyId = PeerKeys.KeyIdOf(PeerServer.Us.Verifier);
        var ruKeyId = PeerKeys.KeyIdOf(PeerServer.Ru.Verifier);
        using var client = _server.Client(PeerServer.Ru, _clientClock, async request =>
            Replace(request, "Signature-Input", ruKeyId, usKeyId));

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, $"signature invalid: it does not verify with key {usKeyId}");
    }

    [Fact]
    public async Task Get_UnknownKeyId_401NamingIt()
    {
        using var client = _server.Client(PeerServer.Stranger, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, $"unknown keyid \"{PeerKeys.KeyIdOf(PeerServer.Stranger.Verifier)}\"");
    }

    [Fact]
    public async Task Post_TamperedBody_401DigestMismatch()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
        {
            var digest = request.Content!.Headers.GetValues("Content-Digest").Single();
            request.Content = new StringContent("entrieZ");
            request.Content.Headers.TryAddWithoutValidation("Content-Digest", digest);
        });

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "Content-Digest does not match the body: the 7 bytes received");
    }

    [Fact]
    public async Task Post_TamperedBodyAndDigest_401SignatureInvalid()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
        {
            request.Content = new StringContent("entrieZ");
            request.Content.Headers.TryAddWithoutValidation("Content-Digest", ContentDigest.Create("entrieZ"u8));
        });

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "signature invalid");
    }

    [Fact]
    public async Task Get_TamperedPath_401SignatureInvalid()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
            request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("x=1", "x=2", StringComparison.Ordinal)));

        var response = await client.GetAsync(new Uri("/peer/whoami?x=1", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "signature invalid");
    }

    [Fact]
    public async Task Post_EmptyQueryMarkAdded_Accepted()
    {
        // "?" alone and no query are the same @query (RFC 9421 §2.2.7).
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
            request.RequestUri = new Uri(_server.Address, "/peer/echo/US?"));

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_PathChangedToOneTheRouterMatchesAlike_401SignatureInvalid()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
            request.RequestUri = new Uri(_server.Address, "/peer/echo/us"));

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "signature invalid");
    }

    [Fact]
    public async Task Request_MethodChanged_401SignatureInvalid()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request => request.Method = HttpMethod.Get);

        var response = await client.PostAsync(new Uri("/peer/whoami", UriKind.Relative), new StringContent(""));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "signature invalid");
    }

    [Fact]
    public async Task Get_CreatedOlderThanWindow_401Stale()
    {
        _clientClock.Now = PeerServer.Start.AddSeconds(-301);
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "is 301 s old: the window is 300 s");
    }

    [Fact]
    public async Task Get_CreatedAtEdgeOfWindow_Accepted()
    {
        _clientClock.Now = PeerServer.Start.AddSeconds(-300);
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_CreatedInFuture_401BeyondSkew()
    {
        _clientClock.Now = PeerServer.Start.AddSeconds(31);
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "is 31 s in the future: the allowed clock skew is 30 s");
    }

    [Fact]
    public async Task Post_SameBytesResent_401Replayed()
    {
        HttpRequestMessage? sent = null;
        using var client = _server.Client(PeerServer.Us, _clientClock, async request => sent = request);
        var first = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Post, sent!.RequestUri) { Content = new ByteArrayContent("entries"u8.ToArray()) };
        foreach (var header in sent.Headers)
        {
            again.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var header in sent.Content!.Headers)
        {
            again.Content.Headers.Remove(header.Key);
            again.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        _serverClock.Now = PeerServer.Start.AddSeconds(299);
        using var unsigned = _server.Plain();
        var replay = await unsigned.SendAsync(again);

        await AssertRefusedAsync(replay, HttpStatusCode.Unauthorized, "was already used within the last 300 s: a replayed request");
    }

    [Fact]
    public async Task Get_AlgNotEd25519_401()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
            Replace(request, "Signature-Input", "alg=\"ed25519\"", "alg=\"rsa-pss-sha512\""));

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "alg \"rsa-pss-sha512\" is not \"ed25519\"");
    }

    [Theory]
    [InlineData("\"@authority\" ", "required component \"@authority\" is not covered")]
    [InlineData(" \"content-digest\"", "content but \"content-digest\" is not covered")]
    public async Task Post_ComponentNotCovered_401NamingIt(string removed, string expected)
    {
        using var client = _server.Client(PeerServer.Us, _clientClock, async request =>
            Replace(request, "Signature-Input", removed, ""));

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, expected);
    }

    [Fact]
    public async Task Post_BodyOverLimit_413()
    {
        using var client = _server.Client(PeerServer.Us, _clientClock);

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent(new string('a', 1025)));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "at most 1024");
    }

    [Fact]
    public async Task Post_ByObserver_403()
    {
        using var client = _server.Client(PeerServer.Observer, _clientClock);

        var response = await client.PostAsync(new Uri("/peer/echo/US", UriKind.Relative), new StringContent("entries"));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "observer:IAEA is an observer key: it may read (GET), not POST");
    }

    [Fact]
    public async Task Get_ByObserver_200()
    {
        using var client = _server.Client(PeerServer.Observer, _clientClock);

        var response = await client.GetAsync(new Uri("/peer/whoami", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("observer:IAEA", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void PeerKeys_MlDsaKey_RefusedAtConfiguration()
    {
        using var random = System.Security.Cryptography.RandomNumberGenerator.Create();
        using var key = SigningKey.Generate("FR", KeyAlgorithm.MlDsa65, random);

        var error = Assert.Throws<ArgumentException>(() => new PeerKeys([new(PartyCode.Parse("FR"), key.Verifier)]));
        Assert.Contains("is MlDsa65: peer requests are signed with Ed25519 only", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PeerSigningHandler(key, TimeProvider.System));
    }

    [Fact]
    public void PeerKeys_SameKeyTwice_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PeerKeys(
            [new(PartyCode.Parse("US"), PeerServer.Us.Verifier)], [PeerServer.Us.Verifier]));

        Assert.Contains("is given twice: for US and for observer:US", error.Message, StringComparison.Ordinal);
    }

    private static void Replace(HttpRequestMessage request, string header, string from, string to)
    {
        var value = request.Headers.GetValues(header).Single();
        Assert.Contains(from, value, StringComparison.Ordinal);
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Peer request refused", problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
