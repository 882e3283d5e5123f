namespace Verity.Core.Analysis.Detection;

/// <summary>A site inspectors may designate, such as a missile base, and the deployed missiles there.</summary>
/// <param name="Name">The site's name, such as the base.</param>
/// <param name="Missiles">The deployed missiles at the site; at least 1 (a site without missiles has nothing to count).</param>
public sealed record InspectionSite(string Name, int Missiles);
