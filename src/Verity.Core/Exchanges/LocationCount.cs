namespace Verity.Core.Exchanges;

/// <summary>A number at one location, such as the deployed ICBM launchers at one base or the warheads at one base.</summary>
/// <param name="Location">The base or facility.</param>
/// <param name="Count">The number.</param>
public sealed record LocationCount(string Location, long Count);
