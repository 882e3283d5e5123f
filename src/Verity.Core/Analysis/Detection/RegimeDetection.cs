using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

/// <summary>
/// The probability that a regime finds a hidden excess, year by year, exact beside Monte Carlo
/// (<see cref="RegimeDetector.Evaluate"/>), with the model's inputs and every assumption it rests on.
/// </summary>
/// <param name="Model">The sites, quota, missiles per inspection and site selection.</param>
/// <param name="Hidden">The excess and where it is.</param>
/// <param name="LoadedBySite">The loaded missiles at each site when the placement fixes them (even, concentrated, given); empty for a random placement.</param>
/// <param name="Years">The treaty years modelled, one after another.</param>
/// <param name="ByYear">Year by year, exact and simulated.</param>
/// <param name="Simulation">The Monte Carlo counts behind <see cref="ByYear"/>, with the trials and the seed.</param>
/// <param name="Assumptions">The model's assumptions in words, for the reader of any output.</param>
public sealed record RegimeDetection(
    InspectionModel Model,
    HiddenExcess Hidden,
    ImmutableArray<int> LoadedBySite,
    int Years,
    ImmutableArray<DetectionYear> ByYear,
    SimulatedFindings Simulation,
    ImmutableArray<string> Assumptions);
