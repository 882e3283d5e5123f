using Microsoft.Data.Sqlite;
using NodaTime;
using Spectre.Console;
using Verity.Cli;

namespace Verity.Cli.Tests;

/// <summary>Runs <c>verity</c> in process in a scratch directory, with a fixed clock, capturing output and errors.</summary>
internal sealed class RecordCliHarness : IDisposable
{
    public RecordCliHarness() => Directory = System.IO.Directory.CreateTempSubdirectory("verity-cli-").FullName;

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        var context = new CliContext(console, error, new FixedClock(Instant.FromUtc(2026, 2, 5, 12, 0)), Directory);
        var code = await VerityApp.RunAsync(args, context);
        return (code, output.ToString(), error.ToString());
    }

    public string[] Files() => [.. System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

public sealed class RecordCliTests
{
    [Theory]
    [InlineData("keys", "new")]
    [InlineData("log", "append")]
    [InlineData("log", "checkpoint")]
    [InlineData("log", "prove")]
    [InlineData("log", "consistency")]
    [InlineData("log", "verify")]
    [InlineData("escrow", "commit")]
    [InlineData("escrow", "reveal")]
    [InlineData("escrow", "check")]
    [InlineData("draw", "commit")]
    [InlineData("draw", "reveal")]
    [InlineData("draw", "select")]
    public async Task Help_EveryRecordVerb_HasDescriptionAndExample(string verb, string sub)
    {
        using var cli = new RecordCliHarness();

        var (code, output, _) = await cli.RunAsync(verb, sub, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Description:", output, StringComparison.Ordinal);
        Assert.Contains($"Example:\n  verity {verb} {sub}", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysNew_Ed25519_WritesPrivateKeyOwnerOnlyAndOneLineVkey()
    {
        using var cli = new RecordCliHarness();

        var (code, output, _) = await cli.RunAsync("keys", "new", "--name", "US", "--out", cli.Directory);

        Assert.Equal(0, code);
        Assert.Equal(["US.key", "US.vkey"], cli.Files());
        var vkey = await File.ReadAllTextAsync(cli.PathOf("US.vkey"));
        Assert.Matches("^US\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}\n$", vkey);
        Assert.StartsWith(vkey.TrimEnd(), output, StringComparison.Ordinal);
        Assert.True(Record.Keys.VerifierKey.TryParse(vkey.TrimEnd(), out _, out _));
        Assert.StartsWith("PRIVATE+KEY+US+", await File.ReadAllTextAsync(cli.PathOf("US.key")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.PathOf("US.key")));
        }
    }

    [Fact]
    public async Task KeysNew_MlDsa65_WritesParsableKeys()
    {
        using var cli = new RecordCliHarness();

        var (code, _, _) = await cli.RunAsync("keys", "new", "--name", "RU", "--out", cli.Directory, "--algorithm", "ml-dsa-65");

        Assert.Equal(0, code);
        var key = Record.Keys.VerifierKey.Parse((await File.ReadAllTextAsync(cli.PathOf("RU.vkey"))).TrimEnd());
        Assert.Equal(Record.Keys.KeyAlgorithm.MlDsa65, key.Algorithm);
    }

    [Theory]
    [InlineData("U S", "--name")]
    [InlineData("U+S", "--name")]
    public async Task KeysNew_BadName_Exit2NothingWritten(string name, string field)
    {
        using var cli = new RecordCliHarness();

        var (code, _, error) = await cli.RunAsync("keys", "new", "--name", name, "--out", cli.Directory);

        Assert.Equal(2, code);
        Assert.Contains(field, error, StringComparison.Ordinal);
        Assert.Empty(cli.Files());
    }

    [Fact]
    public async Task KeysNew_KeyExists_Exit2AndKeptAsIs()
    {
        using var cli = new RecordCliHarness();
        await cli.RunAsync("keys", "new", "--name", "US", "--out", cli.Directory);
        var before = await File.ReadAllTextAsync(cli.PathOf("US.key"));

        var (code, _, error) = await cli.RunAsync("keys", "new", "--name", "US", "--out", cli.Directory);

        Assert.Equal(2, code);
        Assert.Contains("US.key: already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(cli.PathOf("US.key")));
    }

    [Fact]
    public async Task KeysNew_MissingDirectory_CreatesIt()
    {
        using var cli = new RecordCliHarness();

        var (code, output, _) = await cli.RunAsync("keys", "new", "--name", "US", "--out", Path.Combine(cli.PathOf("keys"), "2027"));

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(cli.PathOf("keys"), "2027", "US.key")));
        Assert.True(File.Exists(Path.Combine(cli.PathOf("keys"), "2027", "US.vkey")));
        Assert.Contains("US.vkey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysNew_OutIsAFile_Exit2WritingNothing()
    {
        using var cli = new RecordCliHarness();
        await File.WriteAllTextAsync(cli.PathOf("keys"), "not a folder");

        var (code, _, error) = await cli.RunAsync("keys", "new", "--name", "US", "--out", cli.PathOf("keys"));

        Assert.Equal(2, code);
        Assert.Contains("keys: is a file, not a directory", error, StringComparison.Ordinal);
        Assert.Equal(["keys"], cli.Files());
    }

    [Fact]
    public async Task KeysNew_UnknownAlgorithm_Exit2()
    {
        using var cli = new RecordCliHarness();

        var (code, _, _) = await cli.RunAsync("keys", "new", "--name", "US", "--out", cli.Directory, "--algorithm", "rsa");

        Assert.Equal(2, code);
        Assert.Empty(cli.Files());
    }
}
