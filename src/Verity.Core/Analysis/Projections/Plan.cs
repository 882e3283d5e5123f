namespace Verity.Core.Analysis.Projections;

/// <summary>
/// A model made ready for one series: its figures and ranges resolved. <see cref="Fill"/> computes one path, at
/// central values or with one trial's draws; the draws of a trial are taken in a fixed order (start, rate, anchors in
/// date order, trend points in date order), so that a seed fixes every number.
/// </summary>
internal abstract class Plan
{
    public abstract void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values);

    protected static double Draw(ref Xoshiro256StarStar random, bool central, double value, double low, double high) =>
        central ? value : random.NextUniform(low, high);
}

/// <summary>The latest estimate, drawn uniform on its range.</summary>
internal readonly record struct Start(double T, double Value, double Low, double High);

/// <summary><c>hold</c>: v(t) = v0.</summary>
internal sealed class HoldPlan(Start start) : Plan
{
    public override void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values) =>
        values[..times.Length].Fill(Draw(ref random, central, start.Value, start.Low, start.High));
}

/// <summary><c>rate</c>: v(t) = v0 + r (t − t0), or v0 (1 + r/100)^(t − t0) per cent.</summary>
internal sealed class RatePlan(Start start, double rate, double rateLow, double rateHigh, RateUnit unit) : Plan
{
    public override void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values)
    {
        var v0 = Draw(ref random, central, start.Value, start.Low, start.High);
        var r = Draw(ref random, central, rate, rateLow, rateHigh);
        if (unit == RateUnit.PerYear)
        {
            for (var i = 0; i < times.Length; i++)
            {
                values[i] = v0 + (r * (times[i] - start.T));
            }
        }
        else
        {
            var factor = 1 + (r / 100);
            for (var i = 0; i < times.Length; i++)
            {
                values[i] = v0 * Math.Pow(factor, times[i] - start.T);
            }
        }
    }
}

/// <summary><c>anchored</c>: straight lines from the start through each anchor, then the last segment's slope.</summary>
internal sealed class AnchoredPlan(Start start, double[] anchorTimes, double[] anchorValues, double[] anchorLows, double[] anchorHighs) : Plan
{
    public override void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values)
    {
        var n = anchorTimes.Length;
        Span<double> knotT = n + 1 <= 64 ? stackalloc double[n + 1] : new double[n + 1];
        Span<double> knotV = n + 1 <= 64 ? stackalloc double[n + 1] : new double[n + 1];
        knotT[0] = start.T;
        knotV[0] = Draw(ref random, central, start.Value, start.Low, start.High);
        for (var k = 0; k < n; k++)
        {
            knotT[k + 1] = anchorTimes[k];
            knotV[k + 1] = Draw(ref random, central, anchorValues[k], anchorLows[k], anchorHighs[k]);
        }

        var segment = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var t = times[i];
            while (segment < n - 1 && t > knotT[segment + 1])
            {
                segment++;
            }

            var slope = (knotV[segment + 1] - knotV[segment]) / (knotT[segment + 1] - knotT[segment]);
            values[i] = knotV[segment] + (slope * (t - knotT[segment]));
        }
    }
}

/// <summary>
/// <c>trend</c>: the ordinary least-squares line through the window's points, v(t) = ȳ + b (t − t̄) with
/// b = Σ (tᵢ − t̄) yᵢ / Σ (tᵢ − t̄)²; each trial draws every point uniform on its range and fits again.
/// </summary>
internal sealed class TrendPlan : Plan
{
    private readonly double[] _values;
    private readonly double[] _lows;
    private readonly double[] _highs;
    private readonly double[] _weights;
    private readonly double _meanT;

    public TrendPlan(IReadOnlyList<Observation> points)
    {
        var n = points.Count;
        _values = [.. points.Select(p => p.Central)];
        _lows = [.. points.Select(p => p.Low)];
        _highs = [.. points.Select(p => p.High)];
        _meanT = points.Average(p => p.T);
        var meanT = _meanT;
        var sxx = points.Sum(p => (p.T - meanT) * (p.T - meanT));
        _weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            _weights[i] = (points[i].T - meanT) / sxx;
        }
    }

    /// <summary>The slope and the intercept at t = 0 of the central fit, for the assumptions.</summary>
    public (double Slope, double Intercept) CentralFit()
    {
        var meanY = _values.Average();
        var slope = _values.Select((y, i) => _weights[i] * y).Sum();
        return (slope, meanY - (slope * _meanT));
    }

    public override void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values)
    {
        double sumY = 0, slope = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            var y = Draw(ref random, central, _values[i], _lows[i], _highs[i]);
            sumY += y;
            slope += _weights[i] * y;
        }

        var meanY = sumY / _values.Length;
        for (var i = 0; i < times.Length; i++)
        {
            values[i] = meanY + (slope * (times[i] - _meanT));
        }
    }
}

/// <summary><c>cap</c>: the base model's path, and from the year of effect on no more than the ceiling.</summary>
internal sealed class CapPlan(Plan basePlan, double ceiling, double from) : Plan
{
    public override void Fill(ref Xoshiro256StarStar random, bool central, ReadOnlySpan<double> times, Span<double> values)
    {
        basePlan.Fill(ref random, central, times, values);
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] >= from && values[i] > ceiling)
            {
                values[i] = ceiling;
            }
        }
    }
}
