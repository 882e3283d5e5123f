using System.Collections.Immutable;

namespace Verity.Core.Forces;

/// <summary>
/// Which figure to believe when several sources speak of one state's measure: an order of <see cref="PrecedenceRule"/>s
/// per measure, with a default, and the window within which figures of nearby dates compete (<c>data/forces/precedence.yaml</c>).
/// </summary>
/// <param name="Origin">The file it was read from.</param>
/// <param name="VintageDays">Rows whose as-of dates lie within this many days before the latest one compete as one
/// vintage, by precedence; 0 means only rows of the very same date compete.</param>
/// <param name="Default">The order for a measure without its own.</param>
/// <param name="ByMeasure">Orders for particular measures: by the measure's text (<c>stockpile</c>), or by a per-system
/// prefix with a star (<c>launchers:*</c>).</param>
public sealed record Precedence(string Origin, int VintageDays, ImmutableArray<PrecedenceRule> Default, ImmutableDictionary<string, ImmutableArray<PrecedenceRule>> ByMeasure)
{
    /// <summary>The name of the order a measure uses: the measure itself, its prefix with a star, or <c>default</c>.</summary>
    public string OrderName(ForceMeasure measure)
    {
        if (ByMeasure.ContainsKey(measure.Value))
        {
            return measure.Value;
        }

        var colon = measure.Value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && ByMeasure.ContainsKey(measure.Value[..(colon + 1)] + "*") ? measure.Value[..(colon + 1)] + "*" : "default";
    }

    /// <summary>The order a measure uses, first rule first.</summary>
    public ImmutableArray<PrecedenceRule> For(ForceMeasure measure) =>
        OrderName(measure) is var name && name != "default" ? ByMeasure[name] : Default;
}
