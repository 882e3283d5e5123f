using Verity.Record.Log;
using Verity.Record.Merkle;
using Verity.Record.Storage;

namespace Verity.Record.Tests.Merkle;

/// <summary><see cref="MerkleLog.RootWithAsync"/> — the root a log would have after an append — against the
/// RFC-literal <see cref="NaiveTree"/>, for every split of every tree up to 70 leaves into stored and new.</summary>
public sealed class RootWithTests
{
    private const int MaxSize = 70;

    [Fact]
    public async Task RootWith_EverySplitOfEverySmallTree_MatchesNaiveRoot()
    {
        var leaves = Enumerable.Range(0, MaxSize).Select(i => BitConverter.GetBytes(i * 104729)).ToArray();
        var leafHashes = leaves.Select(l => Rfc9162.HashLeaf(l)).ToArray();
        for (var stored = 0; stored <= MaxSize; stored++)
        {
            var log = await MerkleLog.OpenAsync(new MemoryLogStore());
            await log.AppendAsync([.. leaves.Take(stored).Select(l => (ReadOnlyMemory<byte>)l)]);
            foreach (var total in new[] { stored, stored + 1, stored + 3, MaxSize }.Where(t => t <= MaxSize).Distinct())
            {
                var want = total == 0 ? Rfc9162.EmptyRoot : Sha256Hash.FromBytes(NaiveTree.Mth(leaves, 0, total));
                Assert.Equal(want, await log.RootWithAsync(leafHashes[stored..total]));
            }

            Assert.Equal(stored, log.Size);
        }
    }

    [Fact]
    public async Task RootWith_DifferentLeaf_DiffersFromTheAppendedRoot()
    {
        var log = await MerkleLog.OpenAsync(new MemoryLogStore());
        await log.AppendAsync([new byte[] { 1 }, new byte[] { 2 }, new byte[] { 3 }]);
        var honest = await log.RootWithAsync([Rfc9162.HashLeaf([4])]);
        var forged = await log.RootWithAsync([Rfc9162.HashLeaf([5])]);
        await log.AppendAsync([new byte[] { 4 }]);
        Assert.Equal(await log.RootAsync(), honest);
        Assert.NotEqual(honest, forged);
    }
}
