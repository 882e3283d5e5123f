using System.Collections.Immutable;
using System.Text.Json;
using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Merkle;

/// <summary>The RFC 6962 reference tree of eight leaves (testdata/rfc6962/reference-tree.json).</summary>
public sealed class ReferenceTreeTests
{
    private static readonly JsonElement Vectors = TestData.ReadJson("rfc6962/reference-tree.json").RootElement;

    private static byte[][] Leaves => [.. Vectors.GetProperty("leaves").EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!))];

    private static Sha256Hash Root(long size) => Sha256Hash.ParseHex(Vectors.GetProperty("roots")[(int)size - 1].GetString()!);

    public static TheoryData<string> InclusionCases() => [.. Vectors.GetProperty("inclusion").EnumerateArray().Select(e => e.GetProperty("desc").GetString()!)];

    public static TheoryData<string> ConsistencyCases() => [.. Vectors.GetProperty("consistency").EnumerateArray().Select(e => e.GetProperty("desc").GetString()!)];

    [Fact]
    public async Task RootAsync_EverySize_MatchesReferenceRoots()
    {
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());

        for (var size = 1; size <= 8; size++)
        {
            await log.AppendAsync([Leaves[size - 1]]);

            Assert.Equal(Root(size), await log.RootAsync());
        }
    }

    [Fact]
    public void EmptyRoot_IsSha256OfNothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Rfc9162.EmptyRoot.ToHex());

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public async Task InclusionProofAsync_ReferenceVector_GeneratesAndVerifies(string desc)
    {
        var vector = Vectors.GetProperty("inclusion").EnumerateArray().Single(e => e.GetProperty("desc").GetString() == desc);
        var index = vector.GetProperty("leaf_index").GetInt64();
        var size = vector.GetProperty("tree_size").GetInt64();
        var want = Hashes(vector);
        var log = await LogOf(size);

        var proof = await log.InclusionProofAsync(index, size);

        Assert.Equal(want.ToArray(), proof.Hashes.ToArray());
        var leafHash = Rfc9162.HashLeaf(Leaves[index]);
        Assert.True(InclusionProof.Verify(index, size, leafHash, [.. want], Root(size)).IsValid);
        foreach (var (probe, what) in CorruptInclusion(index, size, want, leafHash))
        {
            Assert.False(probe.IsValid, $"{desc}: corrupted proof ({what}) verified");
        }
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public async Task ConsistencyProofAsync_ReferenceVector_GeneratesAndVerifies(string desc)
    {
        var vector = Vectors.GetProperty("consistency").EnumerateArray().Single(e => e.GetProperty("desc").GetString() == desc);
        var first = vector.GetProperty("first").GetInt64();
        var second = vector.GetProperty("second").GetInt64();
        var want = Hashes(vector);
        var log = await LogOf(second);

        var proof = await log.ConsistencyProofAsync(first, second);

        Assert.Equal(want.ToArray(), proof.Hashes.ToArray());
        Assert.True(ConsistencyProof.Verify(first, second, [.. want], Root(first), Root(second)).IsValid);
        if (want.Length > 0)
        {
            Assert.False(ConsistencyProof.Verify(first, second, [.. want], Root(second), Root(first)).IsValid, "swapped roots");
            Assert.False(ConsistencyProof.Verify(first - 1, second, [.. want], Root(first), Root(second)).IsValid, "first - 1");
            Assert.False(ConsistencyProof.Verify(first, second, [.. want[..^1]], Root(first), Root(second)).IsValid, "truncated");
            Assert.False(ConsistencyProof.Verify(first, second, [], Root(first), Root(second)).IsValid, "empty proof");
            for (var i = 0; i < want.Length; i++)
            {
                var bent = want.SetItem(i, Flip(want[i]));
                Assert.False(ConsistencyProof.Verify(first, second, [.. bent], Root(first), Root(second)).IsValid, $"modified proof[{i}]");
            }
        }
    }

    [Theory]
    [InlineData(0, 0)] // empty tree: nothing to prove
    [InlineData(7, 7)] // index == size
    [InlineData(9, 8)] // index beyond size
    public void Verify_IndexOutsideTree_FailsNamingIndex(long index, long size)
    {
        var result = InclusionProof.Verify(index, size, Rfc9162.EmptyRoot, [], Rfc9162.EmptyRoot);

        Assert.False(result.IsValid);
        Assert.Contains($"index {index}", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongRoot_CarriesBothRoots()
    {
        var leaf = Rfc9162.HashLeaf(Leaves[0]);

        var result = InclusionProof.Verify(0, 1, leaf, [], Rfc9162.EmptyRoot);

        Assert.False(result.IsValid);
        Assert.Equal(leaf, result.CalculatedRoot);
        Assert.Equal(Rfc9162.EmptyRoot, result.ExpectedRoot);
        Assert.Contains(leaf.ToBase64(), result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)] // time travel
    [InlineData(2, 1, false)]
    public void VerifyConsistency_TrivialSizes_FollowMerkleEdgeCases(long first, long second, bool sameRootsValid)
    {
        var result = ConsistencyProof.Verify(first, second, [], Rfc9162.EmptyRoot, Rfc9162.EmptyRoot);

        Assert.Equal(sameRootsValid, result.IsValid);
    }

    [Fact]
    public void VerifyConsistency_EqualSizesDifferentRoots_Fails()
    {
        var result = ConsistencyProof.Verify(3, 3, [], Root(3), Root(4));

        Assert.False(result.IsValid);
    }

    internal static Sha256Hash Flip(Sha256Hash hash)
    {
        var bytes = hash.ToArray();
        bytes[0] ^= 8;
        return Sha256Hash.FromBytes(bytes);
    }

    private static IEnumerable<(ProofVerification, string)> CorruptInclusion(long index, long size, ImmutableArray<Sha256Hash> proof, Sha256Hash leafHash)
    {
        var root = Root(size);
        yield return (InclusionProof.Verify(index - 1, size, leafHash, [.. proof], root), "index - 1");
        yield return (InclusionProof.Verify(index + 1, size, leafHash, [.. proof], root), "index + 1");
        yield return (InclusionProof.Verify(index ^ 2, size, leafHash, [.. proof], root), "index ^ 2");
        yield return (InclusionProof.Verify(index, size * 2, leafHash, [.. proof], root), "size * 2");
        yield return (InclusionProof.Verify(index, size / 2, leafHash, [.. proof], root), "size / 2");
        yield return (InclusionProof.Verify(index, size, Sha256Hash.Compute("WrongLeaf"u8), [.. proof], root), "wrong leaf");
        yield return (InclusionProof.Verify(index, size, leafHash, [.. proof], Rfc9162.EmptyRoot), "empty root");
        yield return (InclusionProof.Verify(index, size, leafHash, [.. proof, root], root), "trailing root");
        yield return (InclusionProof.Verify(index, size, leafHash, [root, .. proof], root), "preceding root");
        for (var i = 0; i < proof.Length; i++)
        {
            yield return (InclusionProof.Verify(index, size, leafHash, [.. proof.SetItem(i, Flip(proof[i]))], root), $"modified proof[{i}]");
        }

        if (proof.Length > 0)
        {
            yield return (InclusionProof.Verify(index, size, leafHash, [.. proof[..^1]], root), "removed component");
        }
    }

    private static ImmutableArray<Sha256Hash> Hashes(JsonElement vector) =>
        [.. vector.GetProperty("hashes").EnumerateArray().Select(e => Sha256Hash.ParseHex(e.GetString()!))];

    private static async Task<MerkleLog> LogOf(long size)
    {
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync([.. Leaves.Take((int)size).Select(l => (ReadOnlyMemory<byte>)l)]);
        return log;
    }
}
