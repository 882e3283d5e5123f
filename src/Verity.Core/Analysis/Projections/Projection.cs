using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Forces;
using Verity.Core.Text;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// A projected (not measured) path of one state's measure, year by year to a horizon: the deterministic path at
/// central parameters, the Monte Carlo percentiles, and every trial's value, with what it rests on — the model and its
/// parameters, the seed, the trials, the assumptions in words and the estimate rows used.
/// </summary>
/// <remarks>
/// Years are as of 1 January, from the first whole year at or after the latest estimate to the horizon. The per-trial
/// values (<see cref="SamplesOf"/>) are in trial order, so that several states' projections made with the same trials
/// can be added trial by trial: the distribution of a sum, not a sum of percentiles.
/// </remarks>
public sealed class Projection
{
    private readonly double[][] _samples;

    internal Projection(
        PartyCode state,
        ForceMeasure measure,
        ProjectionModel model,
        ProjectionOptions options,
        LocalDate startAsOf,
        double startValue,
        double startLow,
        double startHigh,
        ImmutableArray<Phrase> assumptions,
        ImmutableArray<Estimate> rows,
        ImmutableArray<ProjectedYear> points,
        double[][] samples)
    {
        State = state;
        Measure = measure;
        Model = model;
        Seed = options.Seed;
        Trials = options.Trials;
        Horizon = options.Horizon;
        StartAsOf = startAsOf;
        StartValue = startValue;
        StartLow = startLow;
        StartHigh = startHigh;
        Assumptions = assumptions;
        Rows = rows;
        Points = points;
        _samples = samples;
    }

    /// <summary>The state projected.</summary>
    public PartyCode State { get; }

    /// <summary>The measure projected.</summary>
    public ForceMeasure Measure { get; }

    /// <summary>The model, with its parameters and sources.</summary>
    public ProjectionModel Model { get; }

    /// <summary>The seed the trials were drawn with.</summary>
    public long Seed { get; }

    /// <summary>The number of Monte Carlo trials.</summary>
    public int Trials { get; }

    /// <summary>The last year projected.</summary>
    public int Horizon { get; }

    /// <summary>The as-of date of the latest estimate, where the projection starts.</summary>
    public LocalDate StartAsOf { get; }

    /// <summary>The latest estimate's central value.</summary>
    public double StartValue { get; }

    /// <summary>The low end of the range the start is drawn from.</summary>
    public double StartLow { get; }

    /// <summary>The high end of the range the start is drawn from.</summary>
    public double StartHigh { get; }

    /// <summary>What the figures assume, as phrases (their <see cref="Phrase.English"/> is the sentence the command line
    /// prints): the model, the ranges drawn from, the generator, the percentiles.</summary>
    public ImmutableArray<Phrase> Assumptions { get; }

    /// <summary>The estimate rows the projection rests on (their <see cref="Estimate.Origin"/> names file and line), in date order.</summary>
    public ImmutableArray<Estimate> Rows { get; }

    /// <summary>One point per year, from <see cref="FirstYear"/> to <see cref="Horizon"/>.</summary>
    public ImmutableArray<ProjectedYear> Points { get; }

    /// <summary>The first year projected.</summary>
    public int FirstYear => Points[0].Year;

    /// <summary>The point of a year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not projected.</exception>
    public ProjectedYear this[int year] => Points[Index(year)];

    /// <summary>Whether the year is projected.</summary>
    public bool Covers(int year) => year >= FirstYear && year <= Horizon;

    /// <summary>Every trial's value in a year, in trial order (<see cref="Trials"/> values).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not projected.</exception>
    public ReadOnlySpan<double> SamplesOf(int year) => _samples[Index(year)];

    private int Index(int year) => Covers(year)
        ? year - FirstYear
        : throw new ArgumentOutOfRangeException(nameof(year), year, $"projected years are {FirstYear} to {Horizon}");
}
