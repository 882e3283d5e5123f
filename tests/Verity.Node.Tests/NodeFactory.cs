using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Verity.Record.Keys;

namespace Verity.Node.Tests;

/// <summary>The node on a real SQLite file in a temporary directory, with a fresh US key and a known operator token.</summary>
public sealed class NodeFactory : WebApplicationFactory<Program>
{
    public const string Party = "US";
    public const string Token = "test-operator-token";

    public NodeFactory()
    {
        Directory = Path.Combine(Path.GetTempPath(), "verity-node-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        using var random = RandomNumberGenerator.Create();
        using var key = SigningKey.Generate(Party, KeyAlgorithm.Ed25519, random);
        Verifier = key.Verifier;
        KeyFile = Path.Combine(Directory, "US.key");
        File.WriteAllText(KeyFile, key + "\n");
        DbFile = Path.Combine(Directory, "us.db");
    }

    public string Directory { get; }

    public string KeyFile { get; }

    public string DbFile { get; }

    public VerifierKey Verifier { get; }

    public static string TreatyFile => Path.Combine(AppContext.BaseDirectory, "data", "treaties", "new-start.yaml");

    /// <summary>SORT: a treaty with no data exchange (no <c>data/exchanges/sort.yaml</c>).</summary>
    public static string SortFile => Path.Combine(AppContext.BaseDirectory, "data", "treaties", "sort.yaml");

    /// <summary>The treaty the node serves; New START unless set.</summary>
    public string Treaty { get; init; } = TreatyFile;

    /// <summary>For a draft treaty, the entry into force the node assumes (<c>--entry-into-force</c>); none unless set.</summary>
    public string? EntryIntoForce { get; init; }

    public HttpClient Operator()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("party", Party);
        builder.UseSetting("treaty", Treaty);
        builder.UseSetting("key", KeyFile);
        builder.UseSetting("db", DbFile);
        builder.UseSetting("operator-token", Token);
        if (EntryIntoForce is not null)
        {
            builder.UseSetting("entry-into-force", EntryIntoForce);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }
}
