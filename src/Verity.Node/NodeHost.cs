using System.Globalization;
using System.Text;
using Verity.Node.Api;
using Verity.Node.Dashboard;
using Verity.Node.Logs;
using Verity.Node.Peers;
using Verity.Record.Keys;

namespace Verity.Node;

/// <summary>Builds and runs the node: one place for services and endpoints, used by <c>Program</c>, <c>verity serve</c> and the demo.</summary>
public static class NodeHost
{
    /// <summary>
    /// Runs the process in the invariant culture, whatever the machine's locale: every figure, date and message of the
    /// API, the CLI and the logs is written so, and strings compare as the code says. A dashboard page in another
    /// language asks for its own (Verity.Reports.Languages, for the request only).
    /// </summary>
    public static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>Builds the node. Options come from <paramref name="options"/> or else from configuration
    /// (<c>--party</c>, <c>--treaty</c>, <c>--key</c>, <c>--db</c>, <c>--operator-token</c>, <c>--origin</c>,
    /// <c>--exchange</c>, <c>--peer</c>, <c>--observer</c>, <c>--postgres</c>).</summary>
    public static WebApplication Build(string[] args, NodeOptions? options = null, TimeProvider? clock = null)
    {
        UseInvariantCulture();
        var builder = WebApplication.CreateBuilder(args);
        // A host that fails to start (an address in use) throws, and the caller reports that in one line; the host's own
        // error log of it would repeat it with a stack trace. Critical messages (a background service that stops the
        // host) still show.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        var time = clock ?? TimeProvider.System;
        builder.Services.AddSingleton(time);
        // Read lazily, so that test hosts may supply configuration after the builder is made.
        builder.Services.AddSingleton(sp => options ?? NodeOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp =>
        {
            var nodeOptions = sp.GetRequiredService<NodeOptions>();
            return PartyLog.Open(nodeOptions, time, (treaty, key) => ReadPeers(nodeOptions, treaty, key));
        });
        builder.Services.AddSingleton(sp =>
        {
            var own = sp.GetRequiredService<PartyLog>();
            return OpenDirectory(own, ReadPeers(own.Options, own.Treaty, own.Verifier));
        });
        builder.Services.AddSingleton(sp =>
        {
            var logs = sp.GetRequiredService<LogDirectory>();
            var observers = logs.Own.Options.ObserverKeyFiles.Select(f => ReadVerifier(f, "--observer")).ToList();
            return new PeerNetwork(logs, observers, PeerClient.Handler(logs.Own.Key, time), time);
        });
        builder.Services.AddHostedService<PeerSync>();
        // Peer requests are signed per RFC 9421 with the peers' and observers' configured keys.
        builder.Services.AddSingleton(sp =>
        {
            var network = sp.GetRequiredService<PeerNetwork>();
            var keys = new PeerKeys(network.Peers.Select(p => KeyValuePair.Create(Verity.Core.PartyCode.Parse(p.Party), p.Key)), network.Observers);
            return new PeerRequestVerifier(keys, time, new PeerAuthenticationOptions { MaxBodyBytes = PeerApi.MaxPushBytes });
        });
        builder.Services.AddLocalization();
        // Every page is derived from the signed logs the node holds (its own and its mirrors), and the network's state.
        builder.Services.AddSingleton<IDashboardSource>(sp => new LogDashboardSource(
            sp.GetRequiredService<PartyRecords>(), sp.GetRequiredService<LogDirectory>(), sp.GetRequiredService<PeerNetwork>(), time,
            sp.GetRequiredService<NodeOptions>().Provenance));
        builder.Services.AddSingleton<IPartyLogs>(sp => sp.GetRequiredService<LogDirectory>());
        builder.Services.AddSingleton(sp =>
        {
            var own = sp.GetRequiredService<PartyLog>();
            return new PartyRecords(sp.GetRequiredService<IPartyLogs>(), own.Treaty, own.Exchange);
        });
        var app = builder.Build();
        app.MapOpenApi();
        app.MapGet("/healthz", () => TypedResults.Ok("ok")).WithName("Health").WithSummary("Liveness");
        app.MapStatementsApi();
        app.MapLogsApi();
        app.MapPartiesApi();
        app.MapTreatyApi();
        app.MapInspectionsApi();
        app.MapPeerApi(app.MapGroup("/peer").RequireSignedPeer());
        app.MapDashboard();
        return app;
    }

    /// <summary>Checks the options (opening every log), then serves until <paramref name="cancellationToken"/> fires.</summary>
    /// <remarks>If the node cannot start (an option is wrong, an address is in use), the log files it created are removed:
    /// a failed start leaves nothing behind.</remarks>
    /// <exception cref="NodeOptionsException">An option is wrong, or an address of <paramref name="urls"/> cannot be
    /// listened on; nothing was started.</exception>
    public static async Task RunAsync(NodeOptions options, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        var absent = options.Postgres is null ? LogFiles(options).Where(f => !File.Exists(f)).ToList() : [];
        var started = false;
        try
        {
            var app = Build([], options);
            await using (app.ConfigureAwait(false))
            {
                // Fail before listening if an option is wrong.
                _ = app.Services.GetRequiredService<PeerNetwork>();
                foreach (var url in urls)
                {
                    app.Urls.Add(url);
                }

                try
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    // Kestrel: "Failed to bind to address http://127.0.0.1:8080: address already in use."
                    throw new NodeOptionsException($"--urls: {e.Message}", e);
                }

                started = true;
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!started)
            {
                // The stores are closed (the app is disposed): remove what this start created.
                foreach (var file in absent)
                {
                    try
                    {
                        File.Delete(file);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // Best effort: the failure to start is what is reported.
                    }
                }
            }
        }
    }

    /// <summary>The SQLite files of the node's logs, own and mirrored, with SQLite's journal files beside each.</summary>
    private static IEnumerable<string> LogFiles(NodeOptions options) =>
        options.Peers.Select(p => p.Party).Prepend(options.Party).Distinct(StringComparer.Ordinal)
            .Select(party => LogStores.FileOf(options, party))
            .SelectMany(file => new[] { file, file + "-wal", file + "-shm", file + "-journal" });

    /// <summary>Reads and checks every <c>--peer</c> and <c>--observer</c>, touching no store.</summary>
    private static List<Peer> ReadPeers(NodeOptions options, Verity.Core.Treaties.Treaty treaty, VerifierKey own)
    {
        var peers = new List<Peer>();
        foreach (var peer in options.Peers)
        {
            if (peer.Party == options.Party)
            {
                throw new NodeOptionsException($"--peer: {peer.Party} is this node's own party");
            }

            if (!treaty.Parties.Any(p => p.Code.Value == peer.Party))
            {
                throw new NodeOptionsException($"--peer: {peer.Party} is not a party of {treaty.Id} ({string.Join(", ", treaty.Parties.Select(p => p.Code.Value))})");
            }

            if (peers.Any(p => p.Party == peer.Party))
            {
                throw new NodeOptionsException($"--peer: {peer.Party} is named twice");
            }

            var key = ReadVerifier(peer.VerifierKeyFile, "--peer");
            if (key.Name != peer.Party)
            {
                throw new NodeOptionsException($"--peer: {peer.VerifierKeyFile} is {key.Name}'s key, not {peer.Party}'s");
            }

            peers.Add(new Peer(peer.Party, peer.Url, key, NodeOptions.DefaultOrigin(peer.Party)));
        }

        foreach (var key in peers.Select(p => p.Key).Concat(options.ObserverKeyFiles.Select(f => ReadVerifier(f, "--observer"))))
        {
            if (key.Algorithm != KeyAlgorithm.Ed25519)
            {
                throw new NodeOptionsException($"{(peers.Any(p => p.Key == key) ? "--peer" : "--observer")}: {key.Name}'s key is {key.Algorithm}: peer requests are signed with Ed25519 (RFC 9421 defines no ML-DSA)");
            }
        }

        if (peers.Count > 0 || options.ObserverKeyFiles.Count > 0)
        {
            if (own.Algorithm != KeyAlgorithm.Ed25519)
            {
                throw new NodeOptionsException($"--key: {options.KeyFile} is an {own.Algorithm} key: a node with peers signs its requests with Ed25519 (RFC 9421 defines no ML-DSA)");
            }
        }

        return peers;
    }

    private static LogDirectory OpenDirectory(PartyLog own, List<Peer> peers)
    {
        var mirrors = new List<Mirror>();
        try
        {
            foreach (var peer in peers)
            {
                mirrors.Add(new Mirror(peer, new HeldLog(peer.Party, peer.Origin, LogStores.Open(own.Options, peer.Party))));
            }

            return new LogDirectory(own, mirrors);
        }
        catch
        {
            foreach (var mirror in mirrors)
            {
                mirror.Dispose();
            }

            throw;
        }
    }

    private static VerifierKey ReadVerifier(string path, string option)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new NodeOptionsException($"{option}: {path}: cannot read verifier key file: {e.Message}", e);
        }

        return VerifierKey.TryParse(text, out var key, out var problem) ? key : throw new NodeOptionsException($"{option}: {path}: {problem}");
    }
}
