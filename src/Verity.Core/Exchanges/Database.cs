using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Exchanges;

/// <summary>
/// One party's database as of one date, in the categories of a treaty's exchange definition: the aggregate
/// numbers, the warheads by base, each category's items and numbers by location, and every facility.
/// </summary>
/// <remarks>
/// Derived from the party's items: the aggregates and warheads are the treaty's limits evaluated by
/// <see cref="ComplianceEvaluator"/> under the agreed reading, never re-derived. Immutable; its JSON form
/// (<see cref="ToJson"/>) is canonical, so two builds of the same data give the same bytes and <see cref="Hash"/>.
/// </remarks>
public sealed partial class Database
{
    private readonly Lazy<byte[]> _json;
    private readonly Lazy<ImmutableSortedDictionary<string, DatabaseItem>> _listed;

    private Database(
        string treatyId,
        PartyCode party,
        LocalDate asOf,
        ImmutableArray<AggregateValue> aggregates,
        DatabaseWarheads warheads,
        ImmutableArray<DatabaseCategory> categories,
        ImmutableArray<Facility> facilities)
    {
        TreatyId = treatyId;
        Party = party;
        AsOf = asOf;
        Aggregates = aggregates;
        Warheads = warheads;
        Categories = categories;
        Facilities = facilities;
        _json = new Lazy<byte[]>(WriteJson);
        _listed = new Lazy<ImmutableSortedDictionary<string, DatabaseItem>>(() => Categories.SelectMany(c => c.Items)
            .DistinctBy(i => i.Uid, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(i => i.Uid, i => i, StringComparer.Ordinal));
    }

    /// <summary>A database read back from its JSON form; <see cref="Loading.DatabaseReader"/> has checked it.</summary>
    internal static Database FromParts(
        string treatyId,
        PartyCode party,
        LocalDate asOf,
        ImmutableArray<AggregateValue> aggregates,
        DatabaseWarheads warheads,
        ImmutableArray<DatabaseCategory> categories,
        ImmutableArray<Facility> facilities) =>
        new(treatyId, party, asOf, aggregates, warheads, categories, facilities);

    /// <summary>The treaty.</summary>
    public string TreatyId { get; }

    /// <summary>The party whose forces it gives.</summary>
    public PartyCode Party { get; }

    /// <summary>The date the data are current as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The aggregate numbers, in the definition's order.</summary>
    public ImmutableArray<AggregateValue> Aggregates { get; }

    /// <summary>The warheads, by group and base.</summary>
    public DatabaseWarheads Warheads { get; }

    /// <summary>The categories, in the definition's order.</summary>
    public ImmutableArray<DatabaseCategory> Categories { get; }

    /// <summary>Every location where the party has an item (ordinal order).</summary>
    public ImmutableArray<Facility> Facilities { get; }

    /// <summary>The SHA-256 of <see cref="ToJson"/>.</summary>
    public ContentHash Hash => ContentHash.Of(_json.Value);

    /// <summary>The category with this identifier, or <c>null</c>.</summary>
    public DatabaseCategory? this[string categoryId] => Categories.FirstOrDefault(c => c.Id == categoryId);

    /// <summary>The aggregate number of one limit, or <c>null</c> when the database has none for it.</summary>
    public long? Aggregate(string limitId) => Aggregates.FirstOrDefault(a => a.Limit == limitId)?.Value;

    /// <summary>Every item the item categories list, by uid (the first category that lists it). Computed once.</summary>
    public ImmutableSortedDictionary<string, DatabaseItem> ListedItems() => _listed.Value;

    /// <summary>Builds the database of one party from its ledger, as of a date.</summary>
    /// <exception cref="ArgumentException">The definition is another treaty's, or names a limit the treaty lacks.</exception>
    public static Database Build(ExchangeDefinition definition, Treaty treaty, Ledger ledger, PartyCode party, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Build(definition, treaty, ledger.AsOf(asOf), party, asOf);
    }

    /// <summary>Builds the database of one party from items as of a date (other parties' items are left out).</summary>
    /// <exception cref="ArgumentException">The definition is another treaty's, or names a limit the treaty lacks.</exception>
    public static Database Build(ExchangeDefinition definition, Treaty treaty, Inventory inventory, PartyCode party, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(inventory);
        if (definition.TreatyId != treaty.Id)
        {
            throw new ArgumentException($"the exchange definition is for treaty '{definition.TreatyId}', not '{treaty.Id}'.", nameof(definition));
        }

        foreach (var id in definition.AggregateLimits.Append(definition.WarheadsLimit))
        {
            if (treaty.FindLimit(id) is null)
            {
                throw new ArgumentException($"the exchange definition names limit '{id}', which treaty '{treaty.Id}' does not have.", nameof(definition));
            }
        }

        var items = inventory.Where(i => i.Party == party);
        var defaults = treaty.Attributes.Where(a => a.Default is not null).ToDictionary(a => a.Id, a => a.Default!, StringComparer.Ordinal);
        var report = ComplianceEvaluator.Evaluate(treaty, items, asOf, Interpretation.Agreed, party, trace: true);
        var scope = report[party.Value];

        var aggregates = definition.AggregateLimits
            .Select(id => scope?[id])
            .Where(result => result is not null)
            .Select(result => new AggregateValue(result!.Limit.Id, result.Limit.Name, result.Limit.Article, result.Value))
            .ToImmutableArray();

        return new Database(
            treaty.Id,
            party,
            asOf,
            aggregates,
            BuildWarheads(definition, scope?[definition.WarheadsLimit], items, defaults),
            [.. definition.Categories.Select(c => BuildCategory(c, items, defaults))],
            [.. items.GroupBy(i => i.Location, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Facility(g.Key, [.. g.GroupBy(i => (i.Kind, i.Status))
                    .OrderBy(h => h.Key.Kind, StringComparer.Ordinal).ThenBy(h => h.Key.Status, StringComparer.Ordinal)
                    .Select(h => new FacilityHolding(h.Key.Kind, h.Key.Status, h.Count()))]))]);
    }

    private static DatabaseWarheads BuildWarheads(ExchangeDefinition definition, LimitResult? result, Inventory items, Dictionary<string, string> defaults)
    {
        var groups = definition.WarheadGroups;
        var totals = new long[groups.Length];
        var byBase = groups.Select(_ => new SortedDictionary<string, long>(StringComparer.Ordinal)).ToArray();
        long unassigned = 0;
        foreach (var contribution in result?.Contributions ?? [])
        {
            // The limit's own trace: each counted item with the weight the treaty's rule gives it.
            var item = items[contribution.ItemIndex];
            var g = FirstMatch(groups, item, defaults);
            if (g < 0)
            {
                unassigned += contribution.Weight;
                continue;
            }

            totals[g] += contribution.Weight;
            if (groups[g].ByBase)
            {
                byBase[g][item.Location] = byBase[g].GetValueOrDefault(item.Location) + contribution.Weight;
            }
        }

        return new DatabaseWarheads(
            definition.WarheadsReference,
            definition.WarheadsLimit,
            result?.Value ?? 0,
            [.. groups.Select((d, i) => new WarheadGroup(d.Id, d.Name, totals[i], [.. byBase[i].Select(kv => new LocationCount(kv.Key, kv.Value))]))],
            unassigned);
    }

    private static DatabaseCategory BuildCategory(CategoryDefinition definition, Inventory items, Dictionary<string, string> defaults)
    {
        var members = items.Where(i => ExchangeDefinition.Matches(i, definition.Where, defaults)).ToList();
        var byLocation = members.GroupBy(i => i.Location, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LocationCount(g.Key, g.Count()))
            .ToImmutableArray();
        var listed = definition.Detail == CategoryDetail.Items
            ? members.OrderBy(i => i.Uid, StringComparer.Ordinal).Select(i => new DatabaseItem(i.Uid, i.Kind, i.Type, i.Status, i.Location, i.Warheads)).ToImmutableArray()
            : [];
        return new DatabaseCategory(definition.Id, definition.Name, definition.Reference, definition.Detail, members.Count, byLocation, listed);
    }

    /// <summary>The index of the first warhead group an item is in, or −1.</summary>
    internal static int FirstMatch(ImmutableArray<WarheadGroupDefinition> groups, Item item, IReadOnlyDictionary<string, string> defaults)
    {
        for (var g = 0; g < groups.Length; g++)
        {
            if (ExchangeDefinition.Matches(item, groups[g].Where, defaults))
            {
                return g;
            }
        }

        return -1;
    }
}
