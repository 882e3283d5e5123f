using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Analysis.Replay;

/// <summary>Values given at anchor dates, read between them by linear interpolation (held flat outside them).</summary>
/// <param name="Anchors">Dated values by key, in date order.</param>
public sealed record AnchoredSeries(ImmutableArray<(LocalDate Date, ImmutableDictionary<string, double> Values)> Anchors)
{
    /// <summary>No anchors.</summary>
    public static AnchoredSeries Empty { get; } = new([]);

    /// <summary>The interpolated value of <paramref name="key"/> on <paramref name="date"/>, or <c>null</c> when no anchor has the key.</summary>
    public double? ValueAt(string key, LocalDate date)
    {
        var points = Anchors.Where(a => a.Values.ContainsKey(key)).Select(a => (a.Date, Value: a.Values[key])).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        if (date <= points[0].Date)
        {
            return points[0].Value;
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (date <= points[i].Date)
            {
                var (d0, v0) = points[i - 1];
                var (d1, v1) = points[i];
                var span = Period.Between(d0, d1, PeriodUnits.Days).Days;
                var at = Period.Between(d0, date, PeriodUnits.Days).Days;
                return v0 + ((v1 - v0) * at / span);
            }
        }

        return points[^1].Value;
    }

    /// <summary>The value of the latest anchor on or before <paramref name="date"/> that has the key (a step function), or <c>null</c>.</summary>
    public double? StepAt(string key, LocalDate date)
    {
        double? value = null;
        foreach (var (d, values) in Anchors)
        {
            if (d <= date && values.TryGetValue(key, out var v))
            {
                value = v;
            }
        }

        return value;
    }
}
