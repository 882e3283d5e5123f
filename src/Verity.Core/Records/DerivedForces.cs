using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;

namespace Verity.Core.Records;

/// <summary>
/// A party's forces on a date as its own statements give them: the latest database declared on or before the date,
/// plus the changes it notified after that database up to the date.
/// </summary>
/// <param name="Party">The party.</param>
/// <param name="At">The date.</param>
/// <param name="Basis">The database the forces rest on; <c>null</c> when none is declared on or before the date (then there are no items: not zero forces, but nothing declared).</param>
/// <param name="Applied">The notifications applied after the basis, in the order applied.</param>
/// <param name="Listed">The items the databases list one by one (missiles, bombers), after the notified changes.</param>
/// <param name="CountedByLocation">
/// The items the basis counts only by location (launchers), one per unit of its facilities' holdings that no listed
/// item accounts for, with the uid <c>@LOCATION/KIND/STATUS/N</c> and no type. Notified changes to them are not
/// applied: they stand as of the basis.
/// </param>
/// <param name="Inventory">Both, as the inventory the counting rules count.</param>
public sealed record DerivedForces(
    PartyCode Party,
    LocalDate At,
    RecordDeclaration? Basis,
    ImmutableArray<RecordNotification> Applied,
    ImmutableArray<Item> Listed,
    ImmutableArray<Item> CountedByLocation,
    Inventory Inventory)
{
    /// <summary>How many items of each kind and status (kind, then status, in ordinal order).</summary>
    public ImmutableArray<FacilityHolding> Counts =>
        [.. Inventory.GroupBy(i => (i.Kind, i.Status))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Status, StringComparer.Ordinal)
            .Select(g => new FacilityHolding(g.Key.Kind, g.Key.Status, g.Count()))];
}
