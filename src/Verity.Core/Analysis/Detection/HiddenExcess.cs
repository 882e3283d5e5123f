using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

/// <summary>
/// An excess of warheads hidden as extra reentry vehicles on deployed missiles: <see cref="Warheads"/> beyond the
/// declared numbers, carried by <see cref="Missiles"/> missiles (each one or more above its declared load), placed by
/// <see cref="Placement"/>.
/// </summary>
/// <param name="Warheads">E, the excess warheads; 0 means none hidden.</param>
/// <param name="Missiles">K, the missiles carrying them, 1 to E (K = E: one extra each, the most spread; K = 1: all on one); 0 when E is 0.</param>
/// <param name="Placement">Where those missiles are.</param>
/// <param name="Reloading">Whether they stay the same from year to year.</param>
/// <remarks>
/// Only which missiles carry extra reentry vehicles matters to detection, not how many extra each carries: a count
/// above the declared number is a finding. No capacity per missile is modelled.
/// </remarks>
public sealed record HiddenExcess(int Warheads, int Missiles, HiddenPlacement Placement = HiddenPlacement.Random, Reloading Reloading = Reloading.Never)
{
    /// <summary>With <see cref="HiddenPlacement.Given"/>: the loaded missiles at each site, in the model's site order, summing to <see cref="Missiles"/>.</summary>
    public ImmutableArray<int> Given { get; init; } = [];

    /// <summary>E warheads as one extra reentry vehicle on each of E missiles (the most spread).</summary>
    public static HiddenExcess OneEach(int warheads, HiddenPlacement placement = HiddenPlacement.Random) => new(warheads, warheads, placement);

    /// <summary>The extra reentry vehicles on each loaded missile: E / K shared as evenly as possible (the first E mod K carry one more).</summary>
    public (int Each, int OneMore) Split => Missiles == 0 ? (0, 0) : (Warheads / Missiles, Warheads % Missiles);
}
