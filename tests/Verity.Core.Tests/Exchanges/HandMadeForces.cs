using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;

namespace Verity.Core.Tests.Exchanges;

/// <summary>
/// A small U.S. force a reader can count by hand, and one Russian missile that a U.S. database leaves out.
/// </summary>
/// <remarks>
/// As of <see cref="Day1"/>: deployed ICBMs m1 (1 warhead, Minot AFB) and m2 (3, Malmstrom AFB), non-deployed
/// ICBM m3 (Hill AFB); ICBM launchers l1 (Minot), l2 (Malmstrom) deployed, l3 (Malmstrom) non-deployed;
/// deployed SLBM s1 (4, Kings Bay) in launcher sl1; heavy bombers b1 deployed and b2 non-deployed (Barksdale
/// AFB), b3 converted (Davis-Monthan AFB). Deployed 4 (m1, m2, s1, b1), warheads 9 (1 + 3 + 4 + 1),
/// launchers 6 (l1, l2, l3, sl1, b1, b2).
/// On <see cref="Day2"/> m2 moves to Minot AFB; on <see cref="Day3"/> m1 is eliminated, b1 becomes
/// non-deployed and s1 takes a fifth warhead.
/// </remarks>
internal static class HandMadeForces
{
    public static readonly LocalDate Day1 = new(2020, 3, 1);
    public static readonly LocalDate Day2 = new(2020, 6, 1);
    public static readonly LocalDate Day3 = new(2020, 9, 1);
    public static readonly PartyCode Us = PartyCode.Parse("US");

    public static Item Item(string uid, string kind, string type, string status, int warheads, string location, string party = "US", string? armament = null) =>
        new(uid, PartyCode.Parse(party), kind, type, status, warheads, location,
            armament is null ? ImmutableSortedDictionary<string, string>.Empty : ImmutableSortedDictionary<string, string>.Empty.Add("armament", armament));

    public static ImmutableArray<Item> Day1Items { get; } =
    [
        Item("m1", "icbm", "Minuteman III", "deployed", 1, "Minot AFB"),
        Item("m2", "icbm", "Minuteman III", "deployed", 3, "Malmstrom AFB"),
        Item("m3", "icbm", "Minuteman III", "non-deployed", 0, "Hill AFB"),
        Item("l1", "icbm-launcher", "Minuteman III", "deployed", 0, "Minot AFB"),
        Item("l2", "icbm-launcher", "Minuteman III", "deployed", 0, "Malmstrom AFB"),
        Item("l3", "icbm-launcher", "Minuteman III", "non-deployed", 0, "Malmstrom AFB"),
        Item("s1", "slbm", "Trident II", "deployed", 4, "Kings Bay"),
        Item("sl1", "slbm-launcher", "Trident II", "deployed", 0, "Kings Bay"),
        Item("b1", "heavy-bomber", "B-52H", "deployed", 0, "Barksdale AFB"),
        Item("b2", "heavy-bomber", "B-52H", "non-deployed", 0, "Barksdale AFB"),
        Item("b3", "heavy-bomber", "B-52H", "converted", 0, "Davis-Monthan AFB", armament: "non-nuclear"),
        Item("r1", "icbm", "RS-24", "deployed", 4, "Teykovo", party: "RU"),
    ];

    public static Ledger Ledger() => Verity.Core.Items.Ledger.Create(
    [
        .. Day1Items.Select(i => new ItemProduced(Day1, i)),
        new ItemMoved(Day2, "m2", "Minot AFB"),
        new ItemEliminated(Day3, "m1"),
        new ItemStatusChanged(Day3, "b1", "non-deployed"),
        new WarheadsLoaded(Day3, "s1", 1),
    ]);
}
