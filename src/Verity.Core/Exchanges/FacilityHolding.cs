namespace Verity.Core.Exchanges;

/// <summary>How many items of one kind and status a facility holds.</summary>
/// <param name="Kind">The item kind.</param>
/// <param name="Status">The status.</param>
/// <param name="Count">The number.</param>
public sealed record FacilityHolding(string Kind, string Status, long Count);
