namespace Verity.Core.Exchanges;

/// <summary>One item as a database lists it: unique identifier, kind, type, status, location and warheads.</summary>
/// <param name="Uid">The unique identifier.</param>
/// <param name="Kind">The treaty's item kind.</param>
/// <param name="Type">The type, such as "Minuteman III".</param>
/// <param name="Status">The treaty's status.</param>
/// <param name="Location">The base or facility.</param>
/// <param name="Warheads">Warheads emplaced (reentry vehicles on a missile).</param>
public sealed record DatabaseItem(string Uid, string Kind, string Type, string Status, string Location, int Warheads);
