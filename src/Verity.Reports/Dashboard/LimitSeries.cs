using System.Collections.Immutable;
using NodaTime;

namespace Verity.Reports.Dashboard;

/// <summary>One limit over time for one scope.</summary>
/// <param name="LimitId">The limit's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Article">Where the treaty sets it, if known.</param>
/// <param name="Ceiling">The ceiling.</param>
/// <param name="From">The date it takes effect.</param>
/// <param name="Points">The value at each date, in date order.</param>
public sealed record LimitSeries(string LimitId, string Name, string? Article, long Ceiling, LocalDate From, ImmutableArray<CompliancePoint> Points);
