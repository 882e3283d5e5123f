using System.Collections.Immutable;
using Verity.Record.Draw;
using Verity.Record.Merkle;

namespace Verity.Record.Tests.Draw;

public sealed class JointDrawTests
{
    private static readonly string[] Parties = ["US", "RU"];

    [Fact]
    public void Conclude_AllReveal_SeedIsHashOfNoncesInPartyOrder()
    {
        var us = Enumerable.Repeat((byte)1, 32).ToImmutableArray();
        var ru = Enumerable.Repeat((byte)2, 32).ToImmutableArray();

        var outcome = JointDraw.Conclude(Parties, [JointDraw.Commit("RU", ru), JointDraw.Commit("US", us)], [new("RU", ru), new("US", us)]);

        Assert.False(outcome.IsVoid);
        Assert.Equal(Sha256Hash.Compute([.. us, .. ru]), outcome.Seed);
    }

    [Fact]
    public void Conclude_PartyWithholds_VoidNamingParty()
    {
        var us = JointDraw.NewNonce(Fixtures.Random());
        var ru = JointDraw.NewNonce(Fixtures.Random());

        var outcome = JointDraw.Conclude(Parties, [JointDraw.Commit("US", us), JointDraw.Commit("RU", ru)], [new("US", us)]);

        Assert.True(outcome.IsVoid);
        Assert.Equal(["RU"], outcome.Withheld.ToArray());
        Assert.Contains("party RU withheld its reveal", outcome.Findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Conclude_RevealNotMatchingCommitment_Void()
    {
        var us = JointDraw.NewNonce(Fixtures.Random());
        var ru = JointDraw.NewNonce(Fixtures.Random());
        var other = JointDraw.NewNonce(Fixtures.Random());

        var outcome = JointDraw.Conclude(Parties, [JointDraw.Commit("US", us), JointDraw.Commit("RU", ru)], [new("US", us), new("RU", other)]);

        Assert.True(outcome.IsVoid);
        Assert.Contains("party RU revealed a nonce that does not match its commitment", Assert.Single(outcome.Findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Select_SameSeed_SameChoiceDistinctAndInRange()
    {
        var seed = Sha256Hash.Compute("seed"u8);

        var first = JointDraw.Select(seed, 100, 10);
        var again = JointDraw.Select(seed, 100, 10);

        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.Equal(10, first.Distinct().Count());
        Assert.All(first, p => Assert.InRange(p, 0, 99));
        Assert.NotEqual(first.ToArray(), JointDraw.Select(Sha256Hash.Compute("other"u8), 100, 10).ToArray());
    }

    [Fact]
    public void Select_AllOfList_IsAPermutation()
    {
        var choice = JointDraw.Select(Sha256Hash.Compute("x"u8), 20, 20);

        Assert.Equal(Enumerable.Range(0, 20), choice.Order());
    }

    [Fact]
    public void Select_ManySeeds_EveryPositionChosenAboutEqually()
    {
        // 3000 draws of 1 of 6: each position expected 500 times; a fair draw stays well inside 400..600.
        var counts = new int[6];
        for (var i = 0; i < 3000; i++)
        {
            counts[JointDraw.Select(Sha256Hash.Compute(BitConverter.GetBytes(i)), 6, 1)[0]]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 400, 600));
    }

    [Fact]
    public void Select_CountAboveSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JointDraw.Select(default, 3, 4));
}
