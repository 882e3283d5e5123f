using System.Collections.Immutable;
using Verity.Record.Escrow;
using Verity.Record.Merkle;

namespace Verity.Record.Tests.Escrow;

public sealed class EscrowTests
{
    private static readonly EscrowItem[] Items =
    [
        EscrowItem.Parse("ICBM-0001,RS-24,Teykovo"),
        EscrowItem.Parse("ICBM-0002,RS-24,Teykovo"),
        EscrowItem.Parse("SLBM-0001,RSM-56,Gadzhiyevo"),
        EscrowItem.Parse("HB-0001,Tu-160,Engels"),
        EscrowItem.Parse("HB-0002,Tu-95MS,Engels"),
    ];

    [Fact]
    public void Reveal_EveryItemStepByStep_VerifiesAgainstCommitment()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());

        var reveals = Enumerable.Range(0, Items.Length).Select(i => declaration.Reveal(i)).ToList();

        Assert.Empty(EscrowAudit.Check(declaration.Commitment, reveals));
        Assert.Equal(Items.Length, declaration.Commitment.Count);
    }

    [Fact]
    public void Commit_SameItemsFreshSalts_DifferentRoots()
    {
        var first = EscrowDeclaration.Commit(Items, Fixtures.Random());
        var second = EscrowDeclaration.Commit(Items, Fixtures.Random());

        Assert.NotEqual(first.Commitment.Root, second.Commitment.Root);
    }

    [Fact]
    public void Check_RevealWithChangedItem_ContradictsCommitment()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());
        var honest = declaration.Reveal(3);
        var altered = honest with { Item = EscrowItem.Parse("HB-0001,Tu-160,Ukrainka") };

        var findings = EscrowAudit.Check(declaration.Commitment, [altered]);

        var finding = Assert.Single(findings);
        Assert.Equal(EscrowFindingKind.ContradictsCommitment, finding.Kind);
        Assert.Equal(3, finding.Index);
        Assert.Contains("calculated root", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RevealAtAnotherPosition_ContradictsCommitment()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());
        var moved = declaration.Reveal(1) with { Index = 2 };

        var finding = Assert.Single(EscrowAudit.Check(declaration.Commitment, [moved]));

        Assert.Equal(EscrowFindingKind.ContradictsCommitment, finding.Kind);
    }

    [Fact]
    public void Check_DeclarationCountingOneItemTwice_FindsItRevealedTwice()
    {
        EscrowItem[] padded = [.. Items, EscrowItem.Parse("ICBM-0001,RS-24,Teykovo")];
        var declaration = EscrowDeclaration.Commit(padded, Fixtures.Random());

        var findings = EscrowAudit.Check(declaration.Commitment, [declaration.Reveal(0), declaration.Reveal(5)]);

        var finding = Assert.Single(findings);
        Assert.Equal(EscrowFindingKind.RevealedTwice, finding.Kind);
        Assert.Equal("item 'ICBM-0001' revealed twice: at position 0 and at position 5", finding.Message);
    }

    [Fact]
    public void Check_SamePositionRevealedAgain_IsNotAFinding()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());

        Assert.Empty(EscrowAudit.Check(declaration.Commitment, [declaration.Reveal(2), declaration.Reveal(2)]));
    }

    [Fact]
    public void Check_IndexBeyondCount_Contradicts()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());
        var beyond = declaration.Reveal(4) with { Index = 9 };

        var finding = Assert.Single(EscrowAudit.Check(declaration.Commitment, [beyond]));

        Assert.Contains("index 9 is beyond the 5 committed items", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareWithInspection_DifferentLocation_ReportsBothSides()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());
        var reveal = declaration.Reveal(0);

        var finding = EscrowAudit.CompareWithInspection(reveal, EscrowItem.Parse("ICBM-0001,RS-24,Yoshkar-Ola"));

        Assert.NotNull(finding);
        Assert.Equal("item 0: declared 'ICBM-0001,RS-24,Teykovo', inspection found 'ICBM-0001,RS-24,Yoshkar-Ola'", finding.Message);
        Assert.Null(EscrowAudit.CompareWithInspection(reveal, Items[0]));
    }

    [Fact]
    public void Restore_ItemsAndSalts_SameCommitment()
    {
        var declaration = EscrowDeclaration.Commit(Items, Fixtures.Random());

        var restored = EscrowDeclaration.Restore(declaration.Items, declaration.Salts);

        Assert.Equal(declaration.Commitment, restored.Commitment);
    }

    [Fact]
    public void Commitment_KnownSalts_IsTheRfc9162RootOfSaltedLeaves()
    {
        var salts = Enumerable.Range(0, 3).Select(i => Enumerable.Repeat((byte)i, 32).ToImmutableArray()).ToList();
        var declaration = EscrowDeclaration.Restore(Items[..3], salts);

        var leaves = Enumerable.Range(0, 3).Select(i => Rfc9162.HashLeaf([.. salts[i], .. System.Text.Encoding.UTF8.GetBytes(Items[i].Text)])).ToArray();
        var want = Rfc9162.HashChildren(Rfc9162.HashChildren(leaves[0], leaves[1]), leaves[2]);

        Assert.Equal(want, declaration.Commitment.Root);
    }
}
