using NodaTime;

namespace Verity.Core.Analysis.Proposals;

/// <summary>What a comparison assumes: the year compared, the entry into force a draft does not yet have, the horizon.</summary>
/// <param name="Year">The year compared, as of 1 January as projections are; a ceiling is the one in force on that day.</param>
/// <param name="EntryIntoForce">The entry into force assumed for a draft that has none; a treaty's own date wins.</param>
/// <param name="Horizon">The last year searched for the year a ceiling is first broken.</param>
public sealed record ComparisonSettings(int Year, LocalDate EntryIntoForce, int Horizon)
{
    /// <summary>The date a year's ceiling is read on.</summary>
    public static LocalDate DateOf(int year) => new(year, 1, 1);
}
