using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Verity.Node.Tests;
using Verity.Record.Keys;

namespace Verity.Node.Browser.Tests;

/// <summary>The node over real HTTP on 127.0.0.1 (Kestrel on a free port), on a fresh SQLite log with a fresh US key, fed
/// through <c>POST /statements</c> with the U.S. databases as of 2017-09-01 and 2018-03-01 and the notifications between
/// them (the warheads limit takes effect on 2018-02-05): what a browser reaches.</summary>
public sealed class NodeServer : IAsyncLifetime
{
    private const string Token = "browser-operator-token";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>When the node starts, by its clock: after New START ended (2026-02-05), so that a page with no date opens
    /// at its last day in force whatever day the tests run.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        using var random = RandomNumberGenerator.Create();
        using (var key = SigningKey.Generate("US", KeyAlgorithm.Ed25519, random))
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, "US.key"), key + "\n");
        }

        var options = new NodeOptions("US", Path.Combine(AppContext.BaseDirectory, "data", "treaties", "new-start.yaml"),
            Path.Combine(_directory, "US.key"), Path.Combine(_directory, "us.db"), Token);
        _app = NodeHost.Build(["--urls", "http://127.0.0.1:0"], options, new ShiftedClock(Start - DateTimeOffset.UtcNow));
        await _app.StartAsync();
        Address = new Uri(_app.Urls.Single());
        var replay = new ReplayedRecord();
        var (databases, notifications) = replay.Spanning(ReplayedRecord.BeforeLimits, ReplayedRecord.AfterLimits);
        using var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        await ReplayedRecord.SubmitAsync(client, replay.Treaty, databases, notifications);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>The system clock moved by <paramref name="shift"/>: time runs, from another day.</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
