namespace Verity.Core.Analysis.Detection;

/// <summary>
/// One attribute-sampling question answered exact beside approximate (<see cref="AttributeSampling.Evaluate"/>).
/// </summary>
/// <param name="Population">N, the items in the stratum.</param>
/// <param name="Defects">M, the defective (falsified) items among them.</param>
/// <param name="Samples">n, the items drawn; <c>null</c> when only the goal was asked.</param>
/// <param name="Detection">P(at least one defective among the n drawn), exact (hypergeometric); <c>null</c> without n.</param>
/// <param name="ApproximateDetection">The IAEA's approximation 1 − (1 − n / N)^M; <c>null</c> without n.</param>
/// <param name="Goal">The detection goal 1 − β.</param>
/// <param name="SamplesForGoal">The smallest n whose exact detection probability reaches the goal; <c>null</c> when none does (M = 0).</param>
/// <param name="IaeaSamples">The IAEA's n = N (1 − β^(1/M)) as a real number; <c>null</c> when M = 0.</param>
/// <param name="IaeaSamplesRounded">The IAEA's n rounded up to a whole sample.</param>
public sealed record AttributeSample(
    long Population,
    long Defects,
    long? Samples,
    double? Detection,
    double? ApproximateDetection,
    double Goal,
    long? SamplesForGoal,
    double? IaeaSamples,
    long? IaeaSamplesRounded)
{
    /// <summary>Whether the samples given reach the goal; <c>null</c> without samples.</summary>
    public bool? ReachesGoal => Detection is { } p ? p >= Goal : null;
}
