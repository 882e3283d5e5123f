using NodaTime;

namespace Verity.Core.Exchanges;

/// <summary>One exchange of the database: the initial one (number 0) or the update after one period.</summary>
/// <param name="Number">0 for the initial database, then 1, 2, … for the updates.</param>
/// <param name="Start">The first day of the period; for the initial database, its as-of date.</param>
/// <param name="AsOf">The date the data are current as of: entry into force for the initial database, otherwise the
/// day the period expires (its start plus its length, the first day after it).</param>
/// <param name="Due">The last day the database may be provided: the as-of date plus the deadline.</param>
public sealed record ExchangePeriod(int Number, LocalDate Start, LocalDate AsOf, LocalDate Due)
{
    /// <summary>Whether this is the initial database, current as of entry into force.</summary>
    public bool IsInitial => Number == 0;
}
