using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Verity.Core;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Node.Tests.Peers;

/// <summary>A clock the test sets.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Kestrel on 127.0.0.1, port 0, with test-only routes behind RequireSignedPeer; keys for US and RU (peers)
/// and one observer, plus a stranger nobody registered.</summary>
public sealed class PeerServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private PeerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public FakeClock ServerClock { get; } = new(Start);

    public static SigningKey Us { get; } = Key("US");

    public static SigningKey Ru { get; } = Key("RU");

    public static SigningKey Observer { get; } = Key("IAEA");

    public static SigningKey Stranger { get; } = Key("XX");

    public static async Task<PeerServer> StartAsync(FakeClock serverClock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var keys = new PeerKeys(
            [new(PartyCode.Parse("US"), Us.Verifier), new(PartyCode.Parse("RU"), Ru.Verifier)],
            [Observer.Verifier]);
        builder.Services.AddPeerAuthentication(keys, serverClock, o => o.MaxBodyBytes = 1024);
        var app = builder.Build();

        // Test-only routes: the real /peer endpoints are mapped elsewhere.
        var peer = app.MapGroup("/peer").RequireSignedPeer();
        peer.MapGet("/whoami", (HttpContext http) => http.GetPeer().Name);
        peer.MapPost("/echo/{party}", async (string party, HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            return http.GetPeer().Name == party ? Results.Text($"{party}:{body}") : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
        peer.MapPost("/bound", (Payload payload, HttpContext http) => $"{http.GetPeer().Name}:{payload.Text}");

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PeerServer(app, new Uri(address));
    }

    public HttpClient Client(SigningKey key, TimeProvider clock, Func<HttpRequestMessage, Task>? afterSigning = null) =>
        new(new PeerSigningHandler(key, clock) { InnerHandler = new Tamper(afterSigning) { InnerHandler = new SocketsHttpHandler() } })
        {
            BaseAddress = Address,
        };

    public HttpClient Plain() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static SigningKey Key(string name)
    {
        using var random = RandomNumberGenerator.Create();
        return SigningKey.Generate(name, KeyAlgorithm.Ed25519, random);
    }

    public sealed record Payload(string Text);

    /// <summary>Runs after the signing handler: changes or records what goes on the wire.</summary>
    private sealed class Tamper(Func<HttpRequestMessage, Task>? change) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (change is not null)
            {
                await change(request);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
