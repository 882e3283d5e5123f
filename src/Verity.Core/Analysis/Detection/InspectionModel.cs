using System.Collections.Immutable;

namespace Verity.Core.Analysis.Detection;

/// <summary>
/// An inspection regime as plain counts: the sites and their deployed missiles, the inspections a treaty year, the
/// missiles counted in each, and how sites are chosen.
/// </summary>
/// <param name="Sites">The sites, each with at least one deployed missile.</param>
/// <param name="InspectionsPerYear">The inspections each treaty year (the quota spent at these sites); 0 or more.</param>
/// <param name="MissilesPerInspection">The missiles whose reentry vehicles one inspection counts; at least 1.</param>
/// <param name="Selection">How each inspection chooses its site.</param>
public sealed record InspectionModel(ImmutableArray<InspectionSite> Sites, int InspectionsPerYear, int MissilesPerInspection = 1, SiteSelection Selection = SiteSelection.Uniform)
{
    /// <summary>The deployed missiles at all sites.</summary>
    public long TotalMissiles => Sites.Sum(s => (long)s.Missiles);

    /// <summary>The probability that one inspection chooses each site, in site order.</summary>
    public double[] Weights() => Selection == SiteSelection.Uniform
        ? [.. Sites.Select(_ => 1.0 / Sites.Length)]
        : [.. Sites.Select(s => (double)s.Missiles / TotalMissiles)];

    /// <summary>Checks the model (a caller's bug otherwise).</summary>
    /// <exception cref="ArgumentException">No sites, a site without missiles, a negative quota, or fewer than one missile per inspection.</exception>
    internal void Check()
    {
        if (Sites.IsDefaultOrEmpty)
        {
            throw new ArgumentException("An inspection model needs at least one site.", nameof(Sites));
        }

        if (Sites.FirstOrDefault(s => s.Missiles < 1) is { } empty)
        {
            throw new ArgumentException($"Site '{empty.Name}' has {empty.Missiles} missiles: every site has at least 1.", nameof(Sites));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(InspectionsPerYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(MissilesPerInspection, 1);
    }
}
