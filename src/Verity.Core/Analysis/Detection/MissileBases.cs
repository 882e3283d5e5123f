using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Analysis.Detection;

/// <summary>
/// The sites a reentry-vehicle inspection chooses among, from a party's database: the items whose warheads the
/// database gives by base (New START Protocol Part Two, Section II: warheads on deployed ICBMs and SLBMs by base),
/// counted by base. Those are the missiles whose declared load an inspection confirms.
/// </summary>
public static class MissileBases
{
    /// <summary>
    /// The bases of <paramref name="party"/> as of <paramref name="asOf"/>: for each warhead group given by base, the
    /// items the treaty's warhead limit counts in it, by location (ordinal order), with their units and warheads.
    /// </summary>
    /// <exception cref="ArgumentException">The definition is another treaty's, or names a warhead limit the treaty lacks.</exception>
    public static ImmutableArray<DeclaredMissileBase> Declared(ExchangeDefinition definition, Treaty treaty, Inventory inventory, PartyCode party, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(inventory);
        if (definition.TreatyId != treaty.Id || treaty.FindLimit(definition.WarheadsLimit) is null)
        {
            throw new ArgumentException($"the exchange definition (treaty '{definition.TreatyId}', warhead limit '{definition.WarheadsLimit}') does not fit treaty '{treaty.Id}'.", nameof(definition));
        }

        var items = inventory.Where(i => i.Party == party);
        var defaults = treaty.Attributes.Where(a => a.Default is not null).ToDictionary(a => a.Id, a => a.Default!, StringComparer.Ordinal);
        var limit = Compliance.ComplianceEvaluator.Evaluate(treaty, items, asOf, Interpretation.Agreed, party, trace: true)[party.Value]?[definition.WarheadsLimit];
        var bases = new Dictionary<(string Base, string Group), (long Missiles, long Warheads)>();
        foreach (var contribution in limit?.Contributions ?? [])
        {
            var item = items[contribution.ItemIndex];
            var g = Database.FirstMatch(definition.WarheadGroups, item, defaults);
            if (g < 0 || !definition.WarheadGroups[g].ByBase)
            {
                continue;
            }

            var key = (item.Location, definition.WarheadGroups[g].Id);
            var (missiles, warheads) = bases.GetValueOrDefault(key);
            bases[key] = (missiles + item.Quantity, warheads + contribution.Weight);
        }

        return [.. bases.OrderBy(b => b.Key.Base, StringComparer.Ordinal).ThenBy(b => b.Key.Group, StringComparer.Ordinal).Select(b => new DeclaredMissileBase(b.Key.Base, b.Value.Missiles, b.Value.Warheads, b.Key.Group))];
    }
}
