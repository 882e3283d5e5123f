namespace Verity.Core.Analysis.Projections;

/// <summary>How far and how often to project: the horizon, the Monte Carlo trials and the seed.</summary>
/// <remarks><c>default</c> is not meaningful (no trials); use <see cref="Default"/> or the constructor's defaults.</remarks>
/// <param name="Horizon">The last year projected (inclusive), as of 1 January of it.</param>
/// <param name="Trials">The number of Monte Carlo trials, 1 to <see cref="MaxTrials"/>.</param>
/// <param name="Seed">The seed; the same seed gives the same numbers exactly.</param>
public sealed record ProjectionOptions(int Horizon = ProjectionOptions.DefaultHorizon, int Trials = ProjectionOptions.DefaultTrials, long Seed = ProjectionOptions.DefaultSeed)
{
    /// <summary>The default horizon: 2040.</summary>
    public const int DefaultHorizon = 2040;

    /// <summary>The default number of trials: 10,000.</summary>
    public const int DefaultTrials = 10_000;

    /// <summary>The largest number of trials accepted: 1,000,000.</summary>
    public const int MaxTrials = 1_000_000;

    /// <summary>The default seed: 2026.</summary>
    public const long DefaultSeed = 2026;

    /// <summary>The last year a projection may reach: 2100.</summary>
    public const int MaxHorizon = 2100;

    /// <summary>The defaults: to 2040, 10,000 trials, seed 2026.</summary>
    public static ProjectionOptions Default { get; } = new();
}
