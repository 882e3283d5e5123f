using System.Collections.Immutable;
using System.Text;
using Verity.Record.Draw;
using Verity.Record.Escrow;
using Verity.Record.Keys;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Notes;
using Verity.Record.Statements;
using Verity.Record.Storage;

namespace Verity.Record.Tests;

/// <summary>The worked examples of docs/trust.md, recomputed: if the code or the page changes, this fails.</summary>
public sealed class DocsExampleTests
{
    private static readonly string Page = File.ReadAllText(FindDocs());

    private static SigningKey ExampleKey() => SigningKey.FromSeed("verity.example/us", KeyAlgorithm.Ed25519, Enumerable.Repeat((byte)1, 32).ToArray());

    [Fact]
    public void Keys_ExampleKey_AppearAsDocumented()
    {
        using var key = ExampleKey();

        Assert.Contains($"`{key.Verifier}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{key}`", Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeEntryTree_HashesRootAndProofs_AppearAsDocumented()
    {
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync(["a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray()]);
        var leaves = new[] { "a", "b", "c" }.Select(s => Rfc9162.HashLeaf(Encoding.UTF8.GetBytes(s))).ToArray();
        var n01 = Rfc9162.HashChildren(leaves[0], leaves[1]);
        var root = await log.RootAsync();

        foreach (var hash in leaves.Append(n01).Append(root))
        {
            Assert.Contains($"`{hash.ToHex()}`", Page, StringComparison.Ordinal);
        }

        Assert.Equal(Rfc9162.HashChildren(n01, leaves[2]), root);
        Assert.Contains($"`{root.ToBase64()}`", Page, StringComparison.Ordinal);
        Assert.Equal([leaves[1], leaves[2]], (await log.InclusionProofAsync(0)).Hashes.ToArray());
        Assert.Equal([n01], (await log.InclusionProofAsync(2)).Hashes.ToArray());
        Assert.Equal([leaves[2]], (await log.ConsistencyProofAsync(2)).Hashes.ToArray());
        Assert.Contains($"\"leaf_hash\": \"{leaves[0].ToBase64()}\"", Page, StringComparison.Ordinal);
        Assert.Contains($"\"hashes\": [ \"{leaves[1].ToBase64()}\", \"{leaves[2].ToBase64()}\" ]", Page, StringComparison.Ordinal);
        Assert.Contains($"{{ \"first\": 2, \"second\": 3, \"hashes\": [ \"{leaves[2].ToBase64()}\" ] }}", Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_ExampleTree_IsTheDocumentedNote()
    {
        using var key = ExampleKey();
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync(["a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray()]);

        var note = (await log.CheckpointAsync("verity.example/us")).Sign(key).ToString();

        Assert.Contains("```\n" + note + "```", Page, StringComparison.Ordinal);
        Assert.True(Checkpoint.Open(note, [key.Verifier]).IsValid);
    }

    [Fact]
    public void Statement_Example_IsTheDocumentedEntryAndLeafHash()
    {
        using var key = ExampleKey();

        var signed = SignedStatement.Sign(Statement.Create("declaration", "verity.example/us", 1,
            new DateTimeOffset(2026, 2, 5, 0, 0, 0, TimeSpan.Zero), "ICBM-0001,RS-24,Teykovo\n"u8.ToArray()), key);

        Assert.Contains("```\n" + Encoding.UTF8.GetString(signed.Bytes.Span) + "```", Page, StringComparison.Ordinal);
        Assert.Contains($"`{signed.LeafHash.ToHex()}`", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_Example_IsTheDocumentedSeedAndSelection()
    {
        var us = Enumerable.Repeat((byte)1, 32).ToImmutableArray();
        var ru = Enumerable.Repeat((byte)2, 32).ToImmutableArray();

        var outcome = JointDraw.Conclude(["US", "RU"], [JointDraw.Commit("US", us), JointDraw.Commit("RU", ru)], [new DrawReveal("US", us), new DrawReveal("RU", ru)]);
        var chosen = JointDraw.Select(outcome.Seed!.Value, 6, 2);

        Assert.Contains($"`{JointDraw.Commit("US", us).Hash.ToHex()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{JointDraw.Commit("RU", ru).Hash.ToHex()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{outcome.Seed.Value.ToHex()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{JointDraw.Commit("US", us).Hash.ToBase64()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{JointDraw.Commit("RU", ru).Hash.ToBase64()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{outcome.Seed.Value.ToBase64()}`", Page, StringComparison.Ordinal);
        Assert.Equal([4, 3], chosen.ToArray());
        Assert.Contains("selects positions 4 and 3: **Bangor, then Kings Bay**", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Escrow_Example_IsTheDocumentedCommitmentAndReveal()
    {
        var declaration = EscrowDeclaration.Restore(
            [EscrowItem.Parse("ICBM-0001,RS-24,Teykovo"), EscrowItem.Parse("HB-0001,Tu-160,Engels")],
            [Enumerable.Repeat((byte)0xa0, 32).ToImmutableArray(), Enumerable.Repeat((byte)0xb1, 32).ToImmutableArray()]);

        var reveal = declaration.Reveal(1);

        Assert.Contains($"{{ \"root\": \"{declaration.Commitment.Root.ToBase64()}\", \"count\": 2 }}", Page, StringComparison.Ordinal);
        Assert.Contains($"`{reveal.LeafHash.ToHex()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{declaration.Reveal(0).LeafHash.ToHex()}`", Page, StringComparison.Ordinal);
        Assert.Contains($"\"salt\": \"{Convert.ToBase64String(reveal.Salt.AsSpan())}\"", Page, StringComparison.Ordinal);
        Assert.Contains($"\"hashes\": [ \"{reveal.Proof.Hashes[0].ToBase64()}\" ]", Page, StringComparison.Ordinal);
        Assert.Null(reveal.VerifyAgainst(declaration.Commitment));
    }

    private static string FindDocs()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "trust.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/trust.md not found above the test assembly");
    }
}
