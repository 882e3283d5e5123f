using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>One treaty year of one inspecting party: its quotas by type and in total.</summary>
/// <param name="Year">The 1-based treaty year.</param>
/// <param name="Start">Its first day (an anniversary of entry into force).</param>
/// <param name="End">Its last day: the day before the next anniversary, or the treaty's last day in force.</param>
/// <param name="On">The date its quotas are stated for: the date asked, or <paramref name="End"/> when the year is over.</param>
/// <param name="IsOver">Whether the year was over on the date asked.</param>
/// <param name="Types">Each quota that applies in the year, in the treaty's order.</param>
/// <param name="Total">The year's total over every type.</param>
public sealed record QuotaYear(int Year, LocalDate Start, LocalDate End, LocalDate On, bool IsOver, ImmutableArray<QuotaLine> Types, QuotaLine Total);
