using NodaTime;
using Verity.Core;

namespace Verity.Node.Dashboard;

/// <summary>Where the dashboard's figures come from: everything it shows is derived, so a source computes each page's
/// model on request (caching is the source's business).</summary>
/// <remarks><see cref="ReplayDashboardSource"/> serves the replayed public record until the node derives a party's record
/// from the signed declarations in the logs; a source over those replaces it without touching the pages.</remarks>
public interface IDashboardSource
{
    /// <summary>Every party and group and where each stands on <paramref name="at"/>.</summary>
    Task<DashboardModel> OverviewAsync(LocalDate at, CancellationToken cancellationToken);

    /// <summary>One party's page on <paramref name="at"/>; <c>null</c> when the treaty has no such party.</summary>
    Task<PartyDashboard?> PartyAsync(PartyCode party, LocalDate at, CancellationToken cancellationToken);

    /// <summary>One item's history; <c>null</c> when the party's record holds no item with this uid.</summary>
    Task<ItemHistory?> ItemAsync(PartyCode party, string uid, CancellationToken cancellationToken);
}
