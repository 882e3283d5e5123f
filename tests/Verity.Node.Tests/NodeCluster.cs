using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Node.Tests;

/// <summary>One node per party on 127.0.0.1, each on its own SQLite files and a real Kestrel port, every node a peer of
/// every other. Rounds run only when a test asks, so that each step is deterministic.</summary>
public sealed class NodeCluster : IAsyncDisposable
{
    public const string Token = "cluster-operator-token";

    private readonly Dictionary<string, WebApplication> _apps = [];
    private readonly Dictionary<string, int> _ports = [];
    private readonly List<string> _alsoDelete = [];

    private NodeCluster(string treatyFile, IReadOnlyList<string> parties)
    {
        TreatyFile = treatyFile;
        Parties = parties;
        Directory = Path.Combine(Path.GetTempPath(), "verity-cluster-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        using var random = RandomNumberGenerator.Create();
        foreach (var party in parties)
        {
            using var key = SigningKey.Generate(party, KeyAlgorithm.Ed25519, random);
            File.WriteAllText(KeyFile(party), key + "\n");
            File.WriteAllText(VerifierFile(party), key.Verifier + "\n");
            Keys[party] = key.Verifier;
            _ports[party] = FreePort();
        }

        using var observer = SigningKey.Generate(ObserverName, KeyAlgorithm.Ed25519, random);
        File.WriteAllText(KeyFile(ObserverName), observer + "\n");
        File.WriteAllText(VerifierFile(ObserverName), observer.Verifier + "\n");
    }

    /// <summary>The name of the observer every node of the cluster accepts (read only).</summary>
    public const string ObserverName = "UN";

    public string Directory { get; }

    /// <summary>When set, every node keeps its logs in this PostgreSQL database instead of SQLite files.</summary>
    public string? Postgres { get; init; }

    public string TreatyFile { get; }

    public IReadOnlyList<string> Parties { get; }

    public Dictionary<string, VerifierKey> Keys { get; } = [];

    public static string NewStart => Path.Combine(AppContext.BaseDirectory, "data", "treaties", "new-start.yaml");

    /// <summary>Five nodes (US, RU, CN, GB, FR) under an exercise treaty with five parties.</summary>
    public static async Task<NodeCluster> StartFiveAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "verity-five-" + Guid.NewGuid().ToString("N"));
        var cluster = await StartAsync(FiveParty.Write(data), FiveParty.Parties);
        cluster._alsoDelete.Add(data);
        return cluster;
    }

    /// <summary>A node for each of <paramref name="parties"/> under New START with an exercise group of both parties (<see cref="GroupExercise"/>).</summary>
    public static async Task<NodeCluster> StartGroupAsync(params string[] parties)
    {
        var data = Path.Combine(Path.GetTempPath(), "verity-group-" + Guid.NewGuid().ToString("N"));
        var cluster = await StartAsync(GroupExercise.Write(data), parties);
        cluster._alsoDelete.Add(data);
        return cluster;
    }

    /// <summary>Starts a node for each party of <paramref name="treatyFile"/> listed in <paramref name="parties"/>.</summary>
    public static Task<NodeCluster> StartAsync(string treatyFile, params string[] parties) => StartOnAsync(null, treatyFile, parties);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, every node on the PostgreSQL database <paramref name="postgres"/> when given.</summary>
    public static async Task<NodeCluster> StartOnAsync(string? postgres, string treatyFile, params string[] parties)
    {
        var cluster = new NodeCluster(treatyFile, parties) { Postgres = postgres };
        foreach (var party in parties)
        {
            await cluster.StartNodeAsync(party);
        }

        return cluster;
    }

    /// <summary>Keys, files and ports for each party, with no node started (a test starts them, e.g. as processes).</summary>
    public static Task<NodeCluster> CreateAsync(string treatyFile, params string[] parties) => Task.FromResult(new NodeCluster(treatyFile, parties));

    /// <summary>The signing key of <paramref name="party"/>, as the party itself holds it.</summary>
    public SigningKey SigningKeyOf(string party) =>
        SigningKey.TryParse(File.ReadAllText(KeyFile(party)).TrimEnd('\n'), out var key, out var problem) ? key : throw new InvalidOperationException(problem);

    public string KeyFile(string party) => Path.Combine(Directory, party + ".key");

    public string VerifierFile(string party) => Path.Combine(Directory, party + ".vkey");

    public string DbFile(string party) => Path.Combine(Directory, party.ToLowerInvariant() + ".db");

    public Uri Url(string party) => new($"http://127.0.0.1:{_ports[party]}/");

    public NodeOptions Options(string party) =>
        new(party, TreatyFile, KeyFile(party), DbFile(party), Token)
        {
            Peers = [.. Parties.Where(p => p != party).Select(p => new PeerOption(p, Url(p), VerifierFile(p)))],
            ObserverKeyFiles = [VerifierFile(ObserverName)],
            SyncInBackground = false,
            Postgres = Postgres,
        };

    public async Task StartNodeAsync(string party)
    {
        var app = NodeHost.Build([], Options(party));
        app.Urls.Add(Url(party).ToString().TrimEnd('/'));
        await app.StartAsync();
        _apps[party] = app;
    }

    public async Task StopNodeAsync(string party)
    {
        var app = _apps[party];
        _apps.Remove(party);
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public PeerNetwork Network(string party) => _apps[party].Services.GetRequiredService<PeerNetwork>();

    public T Service<T>(string party)
        where T : notnull => _apps[party].Services.GetRequiredService<T>();

    public HttpClient Client(string party)
    {
        var client = new HttpClient { BaseAddress = Url(party) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A client to <paramref name="to"/>'s node whose requests <paramref name="signer"/> signs (RFC 9421), or unsigned when null.</summary>
    public HttpClient PeerClient(string to, string? signer)
    {
        if (signer is null)
        {
            return new HttpClient { BaseAddress = Url(to) };
        }

        var key = SigningKeyOf(signer);
        return new HttpClient(Verity.Node.Peers.PeerClient.Handler(key, TimeProvider.System)) { BaseAddress = Url(to) };
    }

    /// <summary>Submits <paramref name="count"/> statements to <paramref name="party"/>'s node as its operator.</summary>
    public async Task SubmitAsync(string party, int count, string type = "note")
    {
        using var client = Client(party);
        for (var i = 0; i < count; i++)
        {
            var body = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{party} statement {Guid.NewGuid():N}"));
            using var response = await client.PostAsJsonAsync("statements", new { type, body });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>One round on every running node, in order.</summary>
    public async Task RoundAsync()
    {
        foreach (var party in _apps.Keys.ToList())
        {
            await Network(party).SyncOnceAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var party in _apps.Keys.ToList())
        {
            await StopNodeAsync(party);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in _alsoDelete.Append(Directory))
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }

    /// <summary>A loopback port free at the time of asking.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
