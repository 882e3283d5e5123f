namespace Verity.Core.Analysis.Detection;

/// <summary>What it takes to reach a detection goal per treaty year, each answer exact and found with the rest of the model held.</summary>
/// <param name="Goal">The goal: P(at least one finding in a treaty year).</param>
/// <param name="Inspections">The smallest number of inspections a year that reaches it with the model's missiles per inspection; <c>null</c> when none up to <paramref name="MaxInspections"/> does.</param>
/// <param name="InspectionsDetection">The exact probability with that many inspections.</param>
/// <param name="MissilesPerInspection">The smallest number of missiles counted per inspection that reaches it with the model's quota; <c>null</c> when none does (up to the largest site).</param>
/// <param name="MissilesPerInspectionDetection">The exact probability with that many.</param>
/// <param name="MaxInspections">The largest quota searched.</param>
public sealed record DetectionGoal(double Goal, int? Inspections, double? InspectionsDetection, int? MissilesPerInspection, double? MissilesPerInspectionDetection, int MaxInspections);
