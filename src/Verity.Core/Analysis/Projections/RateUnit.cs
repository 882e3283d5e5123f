namespace Verity.Core.Analysis.Projections;

/// <summary>How the <see cref="ProjectionKind.Rate"/> model's rate is given.</summary>
public enum RateUnit
{
    /// <summary>Units of the measure per year (<c>+100</c> warheads a year), added linearly.</summary>
    PerYear,

    /// <summary>Per cent a year, compounded: <c>v0 × (1 + r/100)^(t − t0)</c>.</summary>
    Percent,
}
