using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Merkle;

/// <summary>The fast log (stored levels, folded subtrees) against the RFC-literal <see cref="NaiveTree"/> over every
/// tree size up to 70 and every index and size pair in it, as transparency-dev/merkle's reference_test.go does.</summary>
public sealed class NaiveReferenceTests
{
    private const int MaxSize = 70;

    [Fact]
    public async Task RootAndProofs_EverySmallTree_MatchNaiveRfcCode()
    {
        var leaves = Enumerable.Range(0, MaxSize).Select(i => BitConverter.GetBytes(i * 7919)).ToArray();
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync([.. leaves.Select(l => (ReadOnlyMemory<byte>)l)]);
        var roots = new Sha256Hash[MaxSize + 1];
        for (var n = 0; n <= MaxSize; n++)
        {
            roots[n] = Sha256Hash.FromBytes(NaiveTree.Mth(leaves, 0, n));
            Assert.Equal(roots[n], await log.RootAsync(n));
        }

        for (var n = 1; n <= MaxSize; n++)
        {
            for (var m = 0; m < n; m++)
            {
                var want = NaiveTree.Path(m, leaves, 0, n).Select(h => Sha256Hash.FromBytes(h)).ToArray();
                var proof = await log.InclusionProofAsync(m, n);
                Assert.Equal(want.ToArray(), proof.Hashes.ToArray());
                Assert.Equal(InclusionProof.ExpectedLength(m, n), want.Length);
                Assert.True(proof.Verify(Rfc9162.HashLeaf(leaves[m]), roots[n]).IsValid, $"inclusion {m} in {n}");
            }

            for (var m = 1; m <= n; m++)
            {
                var want = m == n ? [] : NaiveTree.Subproof(m, leaves, 0, n, true).Select(h => Sha256Hash.FromBytes(h)).ToArray();
                var proof = await log.ConsistencyProofAsync(m, n);
                Assert.Equal(want.ToArray(), proof.Hashes.ToArray());
                Assert.Equal(ConsistencyProof.ExpectedLength(m, n), want.Length);
                Assert.True(proof.Verify(roots[m], roots[n]).IsValid, $"consistency {m} to {n}");
                if (m < n)
                {
                    Assert.False(proof.Verify(roots[m - 1], roots[n]).IsValid, $"consistency {m} to {n} with the root of {m - 1}");
                }
            }
        }
    }

    [Fact]
    public async Task Proofs_SampledLargerTrees_MatchNaiveRfcCode()
    {
        // Sizes past 256 and 4096 exercise the stored levels 8 and 12; 120 seeded samples keep the naive code quick.
        var random = new Random(9162);
        var leaves = Enumerable.Range(0, 4200).Select(i => BitConverter.GetBytes(i * 104729)).ToArray();
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync([.. leaves.Select(l => (ReadOnlyMemory<byte>)l)]);

        for (var sample = 0; sample < 60; sample++)
        {
            var n = random.Next(1, leaves.Length + 1);
            var m = random.Next(n);
            var want = NaiveTree.Path(m, leaves, 0, n).Select(h => Sha256Hash.FromBytes(h)).ToArray();
            Assert.Equal(want, (await log.InclusionProofAsync(m, n)).Hashes.ToArray());

            var first = random.Next(1, n + 1);
            var wantConsistency = first == n ? [] : NaiveTree.Subproof(first, leaves, 0, n, true).Select(h => Sha256Hash.FromBytes(h)).ToArray();
            Assert.Equal(wantConsistency, (await log.ConsistencyProofAsync(first, n)).Hashes.ToArray());
            Assert.Equal(Sha256Hash.FromBytes(NaiveTree.Mth(leaves, 0, n)), await log.RootAsync(n));
        }
    }

    [Fact]
    public async Task AppendAsync_ManySmallBatches_SameTreeAsOneBatch()
    {
        var random = new Random(1809);
        var leaves = Enumerable.Range(0, 300).Select(i => BitConverter.GetBytes(i)).ToArray();
        var once = await MerkleLog.OpenAsync(new MemoryLogStore());
        await once.AppendAsync([.. leaves.Select(l => (ReadOnlyMemory<byte>)l)]);
        var store = new MemoryLogStore();
        var piecewise = await MerkleLog.OpenAsync(store);

        for (var i = 0; i < leaves.Length;)
        {
            var take = Math.Min(random.Next(1, 40), leaves.Length - i);
            await piecewise.AppendAsync([.. leaves.Skip(i).Take(take).Select(l => (ReadOnlyMemory<byte>)l)]);
            i += take;
            piecewise = await MerkleLog.OpenAsync(store); // reopening reloads the pending groups from the store
        }

        Assert.Equal(await once.RootAsync(), await piecewise.RootAsync());
        Assert.Equal(Sha256Hash.FromBytes(NaiveTree.Mth(leaves, 0, leaves.Length)), await piecewise.RootAsync());
        for (var level = 4; level <= 8; level += 4)
        {
            Assert.Equal(300 >> level, (await store.ReadHashesAsync(level, 0, 1000)).Count);
        }
    }
}
