namespace Verity.Core.Exchanges;

/// <summary>How a database category gives its items.</summary>
public enum CategoryDetail
{
    /// <summary>Item by item: unique identifier, type, status, location and warheads (missiles, heavy bombers).</summary>
    Items,

    /// <summary>Numbers by location only (launchers).</summary>
    Locations,
}
