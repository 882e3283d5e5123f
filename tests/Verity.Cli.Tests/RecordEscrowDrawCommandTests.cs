using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Cli.Tests;

public sealed class RecordEscrowDrawCommandTests : IDisposable
{
    private readonly RecordCliHarness _cli = new();

    [Fact]
    public async Task EscrowFlow_CommitRevealCheck_Valid()
    {
        await CommitAsync();
        await RevealAsync(1, "r1.json");
        await RevealAsync(2, "r2.json");
        await File.WriteAllTextAsync(_cli.PathOf("observed.txt"), "SLBM-0001,RSM-56,Gadzhiyevo\n");

        var (code, output, _) = await _cli.RunAsync("escrow", "check", "--json", "--commitment", _cli.PathOf("commitment.json"),
            "--observed", _cli.PathOf("observed.txt"), _cli.PathOf("r1.json"), _cli.PathOf("r2.json"));

        Assert.Equal(0, code);
        using var result = JsonDocument.Parse(output);
        Assert.True(result.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(2, result.RootElement.GetProperty("reveals").GetInt32());
    }

    [Fact]
    public async Task EscrowCommit_PrintsRootAndCount_SecretOwnerOnly()
    {
        var commitment = await CommitAsync();

        Assert.Equal(4, commitment["count"]!.GetValue<int>());
        Assert.Equal(44, commitment["root"]!.GetValue<string>().Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_cli.PathOf("secret.json")));
        }
    }

    [Fact]
    public async Task EscrowCheck_AlteredReveal_Exit1Contradicts()
    {
        await CommitAsync();
        var reveal = await RevealAsync(2, "r2.json");
        reveal["item"] = "HB-0001,Tu-160,Ukrainka";
        await File.WriteAllTextAsync(_cli.PathOf("r2.json"), reveal.ToJsonString());

        var (code, output, _) = await _cli.RunAsync("escrow", "check", "--json", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("r2.json"));

        Assert.Equal(1, code);
        Assert.Contains("reveal of item 2 contradicts the commitment", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCheck_InspectionFoundOtherwise_Exit1BothSides()
    {
        await CommitAsync();
        await RevealAsync(0, "r0.json");
        await File.WriteAllTextAsync(_cli.PathOf("observed.txt"), "ICBM-0001,RS-24,Yoshkar-Ola\n");

        var (code, output, _) = await _cli.RunAsync("escrow", "check", "--json", "--commitment", _cli.PathOf("commitment.json"),
            "--observed", _cli.PathOf("observed.txt"), _cli.PathOf("r0.json"));

        Assert.Equal(1, code);
        Assert.Contains("declared 'ICBM-0001,RS-24,Teykovo', inspection found 'ICBM-0001,RS-24,Yoshkar-Ola'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCheck_ItemDeclaredTwice_Exit1RevealedTwice()
    {
        await File.WriteAllTextAsync(_cli.PathOf("items.txt"), "ICBM-0001,RS-24,Teykovo\nICBM-0002,RS-24,Teykovo\nICBM-0001,RS-24,Teykovo\n");
        var commit = await _cli.RunAsync("escrow", "commit", "--json", "--items", _cli.PathOf("items.txt"), "--secret", _cli.PathOf("secret.json"));
        await File.WriteAllTextAsync(_cli.PathOf("commitment.json"), commit.Out);
        await RevealAsync(0, "a.json");
        await RevealAsync(2, "b.json");

        var (code, output, _) = await _cli.RunAsync("escrow", "check", "--json", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("a.json"), _cli.PathOf("b.json"));

        Assert.Equal(1, code);
        Assert.Contains("item 'ICBM-0001' revealed twice: at position 0 and at position 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCheck_MalformedSaltBase64_Exit2NamingField()
    {
        await CommitAsync();
        var reveal = await RevealAsync(1, "r1.json");
        reveal["salt"] = "not base64!";
        await File.WriteAllTextAsync(_cli.PathOf("r1.json"), reveal.ToJsonString());

        var (code, _, error) = await _cli.RunAsync("escrow", "check", "--json", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("r1.json"));

        Assert.Equal(2, code);
        Assert.Contains("r1.json: field \"salt\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCheck_RevealNotJsonOrMissing_Exit2NamingTheFileAndPlace()
    {
        await CommitAsync();
        await File.WriteAllTextAsync(_cli.PathOf("r1.json"), "{\n  \"index\": 4x\n}\n");

        var (code, _, error) = await _cli.RunAsync("escrow", "check", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("r1.json"));
        var (missingCode, _, missing) = await _cli.RunAsync("escrow", "check", "--commitment", _cli.PathOf("no-such.json"), _cli.PathOf("r1.json"));

        Assert.Equal(2, code);
        Assert.Contains("r1.json:2:13: reveal is not JSON: 'x' is an invalid end of a number. Expected a delimiter.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        Assert.Equal(2, missingCode);
        Assert.Contains("no-such.json: cannot read commitment: no such file", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowReveal_IndexBeyondItems_Exit2()
    {
        await CommitAsync();

        var (code, output, error) = await _cli.RunAsync("escrow", "reveal", "--json", "--secret", _cli.PathOf("secret.json"), "--index", "4");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("index 4 is beyond the 4 items", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCommit_EmptyItemLine_Exit2NamingLineAndNoSecret()
    {
        await File.WriteAllTextAsync(_cli.PathOf("items.txt"), "ICBM-0001,RS-24\n,no id\n");

        var (code, _, error) = await _cli.RunAsync("escrow", "commit", "--json", "--items", _cli.PathOf("items.txt"), "--secret", _cli.PathOf("secret.json"));

        Assert.Equal(2, code);
        Assert.Contains("items.txt:2:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("secret.json")));
    }

    [Fact]
    public async Task DrawFlow_TwoParties_SelectsSameItemsEveryRun()
    {
        await DrawCommitRevealAsync("US");
        await DrawCommitRevealAsync("RU");
        await File.WriteAllTextAsync(_cli.PathOf("sites.txt"), "Minot\nMalmstrom\nWarren\nKings Bay\nBangor\nWhiteman\n");
        string[] select = ["draw", "select", "--json", "--parties", "US,RU", "--commitments", _cli.PathOf("US.commit.json"), _cli.PathOf("RU.commit.json"),
            "--reveals", _cli.PathOf("US.reveal.json"), _cli.PathOf("RU.reveal.json"), "--items", _cli.PathOf("sites.txt"), "--count", "2"];

        var first = await _cli.RunAsync(select);
        var second = await _cli.RunAsync(select);

        Assert.Equal(0, first.Code);
        Assert.Equal(first.Out, second.Out);
        using var result = JsonDocument.Parse(first.Out);
        Assert.False(result.RootElement.GetProperty("void").GetBoolean());
        Assert.Equal(2, result.RootElement.GetProperty("selected").GetArrayLength());
    }

    [Fact]
    public async Task DrawSelect_PartyWithholds_Exit1VoidNamingParty()
    {
        await DrawCommitRevealAsync("US");
        await DrawCommitRevealAsync("RU");
        await File.WriteAllTextAsync(_cli.PathOf("sites.txt"), "Minot\nMalmstrom\nWarren\n");

        var (code, output, error) = await _cli.RunAsync("draw", "select", "--json", "--parties", "US,RU",
            "--commitments", _cli.PathOf("US.commit.json"), _cli.PathOf("RU.commit.json"),
            "--reveals", _cli.PathOf("US.reveal.json"), "--items", _cli.PathOf("sites.txt"), "--count", "1");

        Assert.Equal(1, code);
        using var result = JsonDocument.Parse(output);
        Assert.True(result.RootElement.GetProperty("void").GetBoolean());
        Assert.Equal("RU", result.RootElement.GetProperty("withheld")[0].GetString());
        Assert.Contains("party RU withheld its reveal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawSelect_MalformedNonce_Exit2NamingField()
    {
        await DrawCommitRevealAsync("US");
        await File.WriteAllTextAsync(_cli.PathOf("US.reveal.json"), """{"party":"US","nonce":"AAAA"}""");
        await File.WriteAllTextAsync(_cli.PathOf("sites.txt"), "Minot\n");

        var (code, _, error) = await _cli.RunAsync("draw", "select", "--json", "--parties", "US", "--commitments", _cli.PathOf("US.commit.json"),
            "--reveals", _cli.PathOf("US.reveal.json"), "--items", _cli.PathOf("sites.txt"), "--count", "1");

        Assert.Equal(2, code);
        Assert.Contains("US.reveal.json: field \"nonce\": 3 bytes, expected 32", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCommit_WithoutJson_SummaryAndOutFile()
    {
        await File.WriteAllTextAsync(_cli.PathOf("items.txt"), "ICBM-0001,RS-24,Teykovo\nHB-0001,Tu-160,Engels\n");

        var (code, output, error) = await _cli.RunAsync("escrow", "commit", "--items", _cli.PathOf("items.txt"), "--secret", _cli.PathOf("secret.json"), "--out", _cli.PathOf("commitment.json"));

        Assert.True(code == 0, error);
        var written = JsonNode.Parse(await File.ReadAllTextAsync(_cli.PathOf("commitment.json")))!;
        Assert.Equal(2, written["count"]!.GetValue<int>());
        // Wrapped between words at the harness's 80 columns, a hash or a path kept whole.
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Contains($"committed to 2 item(s) of {_cli.PathOf("items.txt")}: root {written["root"]!.GetValue<string>()}", Unwrapped(output), StringComparison.Ordinal);
        Assert.Contains($"written to {_cli.PathOf("commitment.json")}", Unwrapped(output), StringComparison.Ordinal);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscrowCommit_OutExists_Exit2WritingNoSecret()
    {
        await File.WriteAllTextAsync(_cli.PathOf("items.txt"), "ICBM-0001,RS-24,Teykovo\n");
        await File.WriteAllTextAsync(_cli.PathOf("commitment.json"), "{}");

        var (code, _, error) = await _cli.RunAsync("escrow", "commit", "--items", _cli.PathOf("items.txt"), "--secret", _cli.PathOf("secret.json"), "--out", _cli.PathOf("commitment.json"));

        Assert.Equal(2, code);
        Assert.Contains("commitment.json: already exists", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("secret.json")));
    }

    [Fact]
    public async Task EscrowCheck_WithoutJson_SaysValidOrEachFinding()
    {
        await CommitAsync();
        var reveal = await RevealAsync(2, "r2.json");
        await RevealAsync(1, "r1.json");
        reveal["item"] = "HB-0001,Tu-160,Ukrainka";
        await File.WriteAllTextAsync(_cli.PathOf("bad.json"), reveal.ToJsonString());

        var good = await _cli.RunAsync("escrow", "check", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("r1.json"));
        var bad = await _cli.RunAsync("escrow", "check", "--commitment", _cli.PathOf("commitment.json"), _cli.PathOf("bad.json"));

        Assert.Equal(0, good.Code);
        Assert.StartsWith("valid: 1 reveal(s) prove their items against the commitment (4 items, root ", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.Code);
        Assert.StartsWith("1 finding(s) in 1 reveal(s)", bad.Out, StringComparison.Ordinal);
        Assert.Contains("  reveal of item 2 contradicts the commitment", bad.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrawSelect_WithoutJson_ListsTheSelectedLines()
    {
        await DrawCommitRevealAsync("US");
        await DrawCommitRevealAsync("RU");
        await File.WriteAllTextAsync(_cli.PathOf("sites.txt"), "Minot\nMalmstrom\nWarren\n");
        string[] select = ["draw", "select", "--parties", "US,RU", "--commitments", _cli.PathOf("US.commit.json"), _cli.PathOf("RU.commit.json"),
            "--reveals", _cli.PathOf("US.reveal.json"), _cli.PathOf("RU.reveal.json"), "--items", _cli.PathOf("sites.txt"), "--count", "2"];

        var json = JsonNode.Parse((await _cli.RunAsync([.. select, "--json"])).Out)!;
        var (code, output, _) = await _cli.RunAsync(select);

        Assert.Equal(0, code);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Contains($"seed {json["seed"]!.GetValue<string>()} (SHA-256 of the nonces of US, RU); 2 of the 3 items", Unwrapped(output), StringComparison.Ordinal);
        foreach (var chosen in json["selected"]!.AsArray())
        {
            Assert.Contains($"  {chosen!["item"]!.GetValue<string>()} (line {chosen["position"]!.GetValue<int>() + 1})", output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _cli.Dispose();

    private async Task<JsonNode> CommitAsync()
    {
        await File.WriteAllTextAsync(_cli.PathOf("items.txt"), "ICBM-0001,RS-24,Teykovo\nICBM-0002,RS-24,Teykovo\nSLBM-0001,RSM-56,Gadzhiyevo\nHB-0001,Tu-160,Engels\n");
        var (code, output, error) = await _cli.RunAsync("escrow", "commit", "--json", "--items", _cli.PathOf("items.txt"), "--secret", _cli.PathOf("secret.json"));
        Assert.True(code == 0, error);
        await File.WriteAllTextAsync(_cli.PathOf("commitment.json"), output);
        return JsonNode.Parse(output)!;
    }

    private async Task<JsonNode> RevealAsync(int index, string file)
    {
        var (code, output, error) = await _cli.RunAsync("escrow", "reveal", "--json", "--secret", _cli.PathOf("secret.json"), "--index", $"{index}");
        Assert.True(code == 0, error);
        await File.WriteAllTextAsync(_cli.PathOf(file), output);
        return JsonNode.Parse(output)!;
    }

    private async Task DrawCommitRevealAsync(string party)
    {
        var commit = await _cli.RunAsync("draw", "commit", "--json", "--party", party, "--secret", _cli.PathOf($"{party}.nonce.json"));
        Assert.Equal(0, commit.Code);
        await File.WriteAllTextAsync(_cli.PathOf($"{party}.commit.json"), commit.Out);
        var reveal = await _cli.RunAsync("draw", "reveal", "--json", "--secret", _cli.PathOf($"{party}.nonce.json"));
        Assert.Equal(0, reveal.Code);
        await File.WriteAllTextAsync(_cli.PathOf($"{party}.reveal.json"), reveal.Out);
    }

    // A summary as one line per sentence again: the wrapping put a line break where there was a space.
    private static string Unwrapped(string output) => string.Join(' ', output.Split('\n').Select(l => l.TrimEnd()));
}
