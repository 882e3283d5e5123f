using Verity.Core.Analysis.Detection;
using Verity.Core.Items;
using Verity.Core.Tests.Exchanges;
using static Verity.Core.Tests.Exchanges.HandMadeForces;

namespace Verity.Core.Tests.Analysis.Detection;

/// <summary><see cref="MissileBases"/>: the sites a reentry-vehicle inspection chooses among, from the database of the hand-made force.</summary>
public class MissileBasesTests
{
    [Fact]
    public void Declared_HandMadeForce_TheDeployedMissilesByBase()
    {
        // Deployed missiles: m1 (1 warhead, Minot AFB), m2 (3, Malmstrom AFB), s1 (4, Kings Bay). m3 is not deployed,
        // the bombers' warheads are given in total, not by base, and the Russian missile is another party's.
        var bases = MissileBases.Declared(ExchangeData.NewStart, TestData.NewStart, Inventory.From(Day1Items), Us, Day1);

        Assert.Equal<DeclaredMissileBase>(
            [
                new DeclaredMissileBase("Kings Bay", 1, 4, "deployed-missiles"),
                new DeclaredMissileBase("Malmstrom AFB", 1, 3, "deployed-missiles"),
                new DeclaredMissileBase("Minot AFB", 1, 1, "deployed-missiles"),
            ],
            bases);
    }

    [Fact]
    public void Declared_AfterAMove_FollowsTheMissile()
    {
        var moved = Inventory.From(Day1Items.Select(i => i.Uid == "m2" ? i with { Location = "Minot AFB" } : i));

        var bases = MissileBases.Declared(ExchangeData.NewStart, TestData.NewStart, moved, Us, Day2);

        Assert.Equal(new DeclaredMissileBase("Minot AFB", 2, 4, "deployed-missiles"), bases.Single(b => b.Base == "Minot AFB"));
    }
}
