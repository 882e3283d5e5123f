using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Verity.Record.Keys;

namespace Verity.Node.Browser.Tests;

/// <summary>The node over real HTTP on 127.0.0.1 (Kestrel on a free port), on a fresh SQLite log holding one statement,
/// with a fresh US key: what a browser reaches.</summary>
public sealed class NodeServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "verity-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

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
            Path.Combine(_directory, "US.key"), Path.Combine(_directory, "us.db"));
        _app = NodeHost.Build(["--urls", "http://127.0.0.1:0"], options);
        await _app.StartAsync();
        await _app.Services.GetRequiredService<PartyLog>().AppendAsync("declaration", Encoding.UTF8.GetBytes("uid,kind\n"), CancellationToken.None);
        Address = new Uri(_app.Urls.Single());
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
}
