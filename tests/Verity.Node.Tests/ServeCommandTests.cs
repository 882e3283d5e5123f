using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Verity.Node.Tests;

/// <summary>The real <c>verity serve</c>, as a process listening on a loopback port.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly NodeFactory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_OnFreePort_AcceptsAndReturnsAStatement()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var process = Start("serve", "--party", "US", "--treaty", NodeFactory.TreatyFile, "--key", _files.KeyFile,
            "--db", _files.DbFile, "--urls", url, "--operator-token", NodeFactory.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilHealthyAsync(client, process);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NodeFactory.Token);

            var appended = await NodeApiTests.SubmitAsync(client, "notification", NodeApiTests.Notice("over-the-wire"));
            var entries = await client.GetFromJsonAsync<JsonElement>("/logs/US/entries");

            Assert.Equal(0, appended.GetProperty("index").GetInt64());
            var entry = Assert.Single(entries.GetProperty("entries").EnumerateArray());
            Assert.Equal(appended.GetProperty("leaf_hash").GetString(), entry.GetProperty("leaf_hash").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_TreatyWithoutDataExchange_ServesNotesAndRefusesDeclarations()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var process = Start("serve", "--party", "US", "--treaty", NodeFactory.SortFile, "--key", _files.KeyFile,
            "--db", _files.DbFile, "--urls", url, "--operator-token", NodeFactory.Token);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            await WaitUntilHealthyAsync(client, process);
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", NodeFactory.Token);

            var note = await NodeApiTests.SubmitAsync(client, "note", "a remark");
            using var declaration = await client.PostAsJsonAsync("/statements", new { type = "declaration", body = Convert.ToBase64String("{}"u8.ToArray()) });

            Assert.Equal(0, note.GetProperty("index").GetInt64());
            Assert.Equal(HttpStatusCode.BadRequest, declaration.StatusCode);
            var problem = await declaration.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("has no data exchange", problem.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Serve_ExplicitExchangeFileMissing_Exits2NamingTheOption()
    {
        var missing = Path.Combine(_files.Directory, "absent-exchange.yaml");
        using var process = Start("serve", "--party", "US", "--treaty", NodeFactory.SortFile, "--key", _files.KeyFile,
            "--db", _files.DbFile, "--urls", $"http://127.0.0.1:{FreePort()}", "--exchange", missing);
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains($"--exchange: {missing}: cannot read exchange definition", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.DbFile));
    }

    [Fact]
    public async Task Serve_MissingKeyFile_Exits2NamingTheOption()
    {
        using var process = Start("serve", "--party", "US", "--treaty", NodeFactory.TreatyFile, "--key", Path.Combine(_files.Directory, "absent.key"),
            "--db", _files.DbFile, "--urls", $"http://127.0.0.1:{FreePort()}");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--key", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.DbFile));
    }

    [Fact]
    public async Task Serve_KeyOfAnotherParty_Exits2()
    {
        using var process = Start("serve", "--party", "RU", "--treaty", NodeFactory.TreatyFile, "--key", _files.KeyFile,
            "--db", _files.DbFile, "--urls", $"http://127.0.0.1:{FreePort()}");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("US's key, not RU's", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_AddressInUse_Exits2InOneLineNamingTheAddressAndLeavesNoLogFile()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        using var process = StartReadingOutput("serve", "--party", "US", "--treaty", NodeFactory.TreatyFile, "--key", _files.KeyFile,
            "--db", _files.DbFile, "--urls", $"http://127.0.0.1:{port}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Equal([$"verity: --urls: Failed to bind to address http://127.0.0.1:{port}: address already in use."], error.TrimEnd().Split('\n'));
        Assert.DoesNotContain(" at ", await output, StringComparison.Ordinal);
        Assert.Equal(["US.key"], Directory.GetFiles(_files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Serve_PeerKilledMidSync_KeepsWhatItAcknowledged_AndCatchesUpOnRestart()
    {
        await using var cluster = await NodeCluster.CreateAsync(NodeCluster.NewStart, "US", "RU");
        string[] Args(string party) => ServeArgs(cluster, party);
        using var us = Start(Args("US"));
        var ru = Start(Args("RU"));
        try
        {
            using var usClient = cluster.Client("US");
            using var ruClient = cluster.Client("RU");
            await WaitUntilHealthyAsync(usClient, us);
            await WaitUntilHealthyAsync(ruClient, ru);
            const int Total = 400;
            var submitting = cluster.SubmitAsync("US", Total);

            // Kill RU (SIGKILL) once it has acknowledged part of US's log, while the rest is still being pushed.
            long acknowledged = 0;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged < 50 && DateTime.UtcNow < deadline)
            {
                var network = await usClient.GetFromJsonAsync<JsonElement>("/network");
                acknowledged = network.GetProperty("peers")[0].GetProperty("acknowledged").GetInt64();
                await Task.Delay(20);
            }

            ru.Kill(entireProcessTree: true);
            await ru.WaitForExitAsync();
            Assert.InRange(acknowledged, 50, Total - 1);

            // Everything acknowledged with a receipt is in RU's mirror file, and the file verifies.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var store = Verity.Record.Sqlite.SqliteLogStore.Open(Logs.LogStores.FileOf(cluster.Options("RU"), "US")))
            {
                Assert.True(await store.GetSizeAsync() >= acknowledged);
                var verification = await Verity.Record.Log.LogVerifier.VerifyAsync(store, [cluster.Keys["US"]]);
                Assert.True(verification.IsValid, verification.ToString());
            }

            await submitting;
            ru.Dispose();
            ru = Start(Args("RU"));
            await WaitUntilHealthyAsync(ruClient, ru);
            long mirrored = 0;
            deadline = DateTime.UtcNow.AddSeconds(60);
            while (mirrored < Total && DateTime.UtcNow < deadline)
            {
                var network = await ruClient.GetFromJsonAsync<JsonElement>("/network");
                mirrored = network.GetProperty("mirrors")[0].GetProperty("size").GetInt64();
                await Task.Delay(50);
            }

            Assert.Equal(Total, mirrored);
        }
        finally
        {
            foreach (var process in new[] { us, ru })
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            ru.Dispose();
        }
    }

    [Fact]
    public async Task Serve_ReceiverKilledRepeatedlyUnderLoad_SenderAcknowledgesItsWholeLog_AndSaysWhenItCannot()
    {
        await using var cluster = await NodeCluster.CreateAsync(NodeCluster.NewStart, "US", "RU");
        using var us = Start(ServeArgs(cluster, "US"));
        var ru = Start(ServeArgs(cluster, "RU"));
        using var stop = new CancellationTokenSource();
        Task<int>? submitting = null;
        try
        {
            using var usClient = cluster.Client("US");
            using var ruClient = cluster.Client("RU");
            await WaitUntilHealthyAsync(usClient, us);
            await WaitUntilHealthyAsync(ruClient, ru);
            submitting = SubmitUntilAsync(cluster, "US", stop.Token);

            const int Kills = 3;
            long acknowledged = 0;
            for (var kill = 0; kill < Kills; kill++)
            {
                // Russia acknowledges more of the U.S. log than it had when it was last killed, and the error is gone: after
                // a restart it pulls ahead of the batch the U.S. resends, and the U.S. must take its receipt for the later
                // checkpoint.
                var before = acknowledged;
                var progressed = await WaitForPeerAsync(usClient, p => p.Acknowledged > before + 20 && p.LastError is null, $"RU's acknowledged size to pass {before + 20}, with no error, after restart {kill}");
                acknowledged = progressed.Acknowledged;

                ru.Kill(entireProcessTree: true);
                await ru.WaitForExitAsync();
                ru.Dispose();

                // While Russia is down, the U.S. says so.
                var down = await WaitForPeerAsync(usClient, p => p.LastError is not null, $"a last error while RU is down (kill {kill})");
                Assert.True(down.Acknowledged < await OwnSizeAsync(usClient), $"acknowledged {down.Acknowledged} while RU is down");

                ru = Start(ServeArgs(cluster, "RU"));
                await WaitUntilHealthyAsync(ruClient, ru);
            }

            await stop.CancelAsync();
            var submitted = await submitting;
            var size = await OwnSizeAsync(usClient);
            Assert.Equal(submitted, size);

            // Everything is acknowledged, with a receipt for the whole log, and no error stands.
            var caughtUp = await WaitForPeerAsync(usClient, p => p.Acknowledged == size && p.LastError is null, $"RU's acknowledged size to reach {size} with no error");
            Assert.Contains($"verity-receipt/v1\nRU\nverity.local/us\n{size}\n", caughtUp.Receipt, StringComparison.Ordinal);
            var network = await ruClient.GetFromJsonAsync<JsonElement>("/network");
            Assert.Equal(size, network.GetProperty("mirrors")[0].GetProperty("size").GetInt64());
        }
        finally
        {
            await stop.CancelAsync();
            if (submitting is not null)
            {
                await Task.WhenAny(submitting);
            }

            foreach (var process in new[] { us, ru })
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            ru.Dispose();
        }
    }

    /// <summary><c>verity serve</c> for <paramref name="party"/> of <paramref name="cluster"/>, every other party a peer, rounds every 0.2 s.</summary>
    private static string[] ServeArgs(NodeCluster cluster, string party) =>
    [
        "serve", "--party", party, "--treaty", cluster.TreatyFile, "--key", cluster.KeyFile(party), "--db", cluster.DbFile(party),
        "--urls", cluster.Url(party).ToString().TrimEnd('/'), "--operator-token", NodeCluster.Token, "--sync-interval", "0.2",
        .. cluster.Parties.Where(p => p != party).SelectMany(p => new[] { "--peer", $"{p}={cluster.Url(p)},{cluster.VerifierFile(p)}" }),
    ];

    /// <summary>Submits statements to <paramref name="party"/>'s node one after another until <paramref name="stop"/>; the number accepted.</summary>
    private static async Task<int> SubmitUntilAsync(NodeCluster cluster, string party, CancellationToken stop)
    {
        using var client = cluster.Client(party);
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            // Never cancelled in flight: each submission is either answered 201 or not sent.
            await NodeApiTests.SubmitAsync(client, "note", $"{party} statement {count}");
            count++;
        }

        return count;
    }

    private static async Task<long> OwnSizeAsync(HttpClient client)
    {
        var checkpoint = await client.GetStringAsync(new Uri("/logs/US/checkpoint", UriKind.Relative));
        return long.Parse(checkpoint.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls the sender's <c>GET /network</c> until its only peer's status meets <paramref name="condition"/> (60 s at most).</summary>
    private static async Task<Api.PeerResult> WaitForPeerAsync(HttpClient client, Func<Api.PeerResult, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Api.PeerResult? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var network = await client.GetFromJsonAsync<Api.NetworkResult>("/network");
            last = network!.Peers.Single();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"waited 60 s for {what}; last status: acknowledged {last?.Acknowledged}, last error {last?.LastError ?? "none"}");
        return last!;
    }

    private static Process Start(params string[] args)
    {
        var process = StartReadingOutput(args);
        process.BeginOutputReadLine(); // Drain the server's log so that a full pipe never stalls it.
        return process;
    }

    private static Process StartReadingOutput(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "verity.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("VERITY_OPERATOR_TOKEN");
        return Process.Start(start)!;
    }

    private static int FreePort() => NodeCluster.FreePort();

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"verity serve exited with {(process.HasExited ? process.ExitCode : 0)}: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "")}");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("verity serve did not answer /healthz within 60 s");
    }
}
