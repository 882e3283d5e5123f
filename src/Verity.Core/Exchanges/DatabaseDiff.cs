using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Exchanges;

/// <summary>
/// What changed between two databases of one party: listed items added, removed and changed (by uid), and the
/// numbers that changed — aggregates, category counts, warheads by group and base.
/// </summary>
/// <param name="Party">The party.</param>
/// <param name="From">The earlier database's as-of date.</param>
/// <param name="To">The later database's as-of date.</param>
/// <param name="Added">Items listed only in the later database, by uid.</param>
/// <param name="Removed">Items listed only in the earlier database, by uid.</param>
/// <param name="Changed">Items listed in both whose kind, type, status, location or warheads differ, by uid.</param>
/// <param name="Aggregates">Aggregate numbers that changed.</param>
/// <param name="Categories">Category counts that changed, in the definition's order.</param>
/// <param name="Warheads">Warhead totals (per group) and warheads by base (<c>group: base</c>) that changed.</param>
public sealed record DatabaseDiff(
    PartyCode Party,
    LocalDate From,
    LocalDate To,
    ImmutableArray<ItemChange> Added,
    ImmutableArray<ItemChange> Removed,
    ImmutableArray<ItemChange> Changed,
    ImmutableArray<CountChange> Aggregates,
    ImmutableArray<CountChange> Categories,
    ImmutableArray<CountChange> Warheads)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty && Aggregates.IsEmpty && Categories.IsEmpty && Warheads.IsEmpty;

    /// <summary>Every item change, added, removed and changed, by uid.</summary>
    public IEnumerable<ItemChange> Items => Added.Concat(Removed).Concat(Changed).OrderBy(c => c.Uid, StringComparer.Ordinal);

    /// <summary>Compares two databases of the same party and treaty.</summary>
    /// <exception cref="ArgumentException">The databases are of different parties or treaties.</exception>
    public static DatabaseDiff Between(Database earlier, Database later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (earlier.Party != later.Party || earlier.TreatyId != later.TreatyId)
        {
            throw new ArgumentException(
                $"a diff compares one party's databases under one treaty: {earlier.TreatyId} {earlier.Party} vs {later.TreatyId} {later.Party}.",
                nameof(later));
        }

        var before = earlier.ListedItems();
        var after = later.ListedItems();
        var added = after.Keys.Where(uid => !before.ContainsKey(uid)).Select(uid => new ItemChange(uid, null, after[uid]));
        var removed = before.Keys.Where(uid => !after.ContainsKey(uid)).Select(uid => new ItemChange(uid, before[uid], null));
        var changed = before.Keys.Where(uid => after.TryGetValue(uid, out var a) && a != before[uid]).Select(uid => new ItemChange(uid, before[uid], after[uid]));

        return new DatabaseDiff(
            later.Party,
            earlier.AsOf,
            later.AsOf,
            [.. added],
            [.. removed],
            [.. changed],
            Changes(earlier.Aggregates.Select(a => (a.Limit, a.Value)), later.Aggregates.Select(a => (a.Limit, a.Value))),
            Changes(earlier.Categories.Select(c => (c.Id, c.Count)), later.Categories.Select(c => (c.Id, c.Count))),
            Changes(WarheadFigures(earlier.Warheads), WarheadFigures(later.Warheads)));
    }

    private static IEnumerable<(string Name, long Value)> WarheadFigures(DatabaseWarheads warheads) =>
        warheads.Groups.SelectMany(g => g.ByBase.Select(b => ($"{g.Id}: {b.Location}", b.Count)).Prepend((g.Id, g.Total)));

    private static ImmutableArray<CountChange> Changes(IEnumerable<(string Name, long Value)> before, IEnumerable<(string Name, long Value)> after)
    {
        var earlier = before.ToList();
        var later = after.ToList();
        var names = earlier.Select(x => x.Name).Concat(later.Select(x => x.Name)).Distinct(StringComparer.Ordinal);
        return [.. names
            .Select(n => new CountChange(n, earlier.FirstOrDefault(x => x.Name == n).Value, later.FirstOrDefault(x => x.Name == n).Value))
            .Where(c => c.Before != c.After)];
    }
}
