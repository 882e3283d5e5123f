using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Counting;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Exchanges;

/// <summary>
/// A treaty's database as data: its categories, how warheads are aggregated, which limits give the aggregate
/// numbers, and the schedule on which it is exchanged. Read by <see cref="Loading.ExchangeReader"/>.
/// </summary>
/// <param name="TreatyId">The treaty it belongs to.</param>
/// <param name="Source">Where the rules come from.</param>
/// <param name="InitialDue">How long after entry into force the initial database is due.</param>
/// <param name="FirstPeriod">Where the first update period starts.</param>
/// <param name="PeriodLength">The length of each update period.</param>
/// <param name="UpdateDue">How long after a period expires its update is due.</param>
/// <param name="AggregatesReference">The provision giving the aggregate numbers.</param>
/// <param name="AggregateLimits">The limits whose values are the aggregate numbers, in order.</param>
/// <param name="WarheadsReference">The provision giving warheads by base.</param>
/// <param name="WarheadsLimit">The limit whose counted items and weights are the warheads.</param>
/// <param name="WarheadGroups">The parts the counted warheads are given in; an item is in the first that matches.</param>
/// <param name="Categories">The categories, in order.</param>
/// <param name="FacilitiesReference">The provision giving facilities.</param>
public sealed record ExchangeDefinition(
    string TreatyId,
    Source Source,
    Period InitialDue,
    FirstPeriodRule FirstPeriod,
    Period PeriodLength,
    Period UpdateDue,
    string? AggregatesReference,
    ImmutableArray<string> AggregateLimits,
    string? WarheadsReference,
    string WarheadsLimit,
    ImmutableArray<WarheadGroupDefinition> WarheadGroups,
    ImmutableArray<CategoryDefinition> Categories,
    string? FacilitiesReference)
{
    /// <summary>The schedule for a treaty that entered into force on <paramref name="entryIntoForce"/>.</summary>
    public ExchangeSchedule ScheduleFrom(LocalDate entryIntoForce) =>
        new(entryIntoForce, InitialDue, FirstPeriod, PeriodLength, UpdateDue);

    /// <summary>Whether an item meets every condition, an absent attribute taking the treaty's default.</summary>
    internal static bool Matches(Item item, ImmutableArray<Condition> where, IReadOnlyDictionary<string, string> defaults) =>
        where.All(c => c.Holds(item.Get(c.Attribute) ?? defaults.GetValueOrDefault(c.Attribute)));
}
