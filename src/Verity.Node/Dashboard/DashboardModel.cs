using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Node.Dashboard;

/// <summary>The overview: the treaty, its standing on a date, and every party and group with its current figures.</summary>
/// <param name="Treaty">The treaty's id, such as <c>new-start</c>.</param>
/// <param name="TreatyName">The treaty's name.</param>
/// <param name="AsOf">The date of the figures.</param>
/// <param name="Standing">The treaty's standing on the date.</param>
/// <param name="Scopes">Each party, then each group.</param>
/// <param name="Source">Where the figures come from, said on every page.</param>
public sealed record DashboardModel(
    string Treaty,
    string TreatyName,
    LocalDate AsOf,
    TreatyStanding Standing,
    ImmutableArray<ScopeStanding> Scopes,
    string Source);
