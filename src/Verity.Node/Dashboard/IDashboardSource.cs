using NodaTime;
using Verity.Core;
using Verity.Reports.Dashboard;

namespace Verity.Node.Dashboard;

/// <summary>Where the dashboard's figures come from: everything it shows is derived, so a source computes each page's
/// model on request (caching is the source's business).</summary>
/// <remarks><see cref="LogDashboardSource"/> derives every page from the signed logs the node holds.</remarks>
public interface IDashboardSource
{
    /// <summary>
    /// The date a page shows and the span its date picker offers: <paramref name="asked"/> when the request named one;
    /// else <paramref name="today"/>, or, once the treaty is no longer in force, its last day in force (the last date its
    /// record covers).
    /// </summary>
    Task<PageDate> DateAsync(LocalDate? asked, LocalDate today, CancellationToken cancellationToken);

    /// <summary>The node itself, as it knows itself, reached at <paramref name="address"/>; its party named in
    /// <paramref name="language"/> where the treaty file gives the name.</summary>
    NodeIdentity Node(string address, string language = "en");

    /// <summary>Every party whose log the node holds and where each stands on <paramref name="at"/>; the treaty's
    /// terms (its name, the parties', the limits') in <paramref name="language"/> where the treaty file gives them.</summary>
    Task<DashboardModel> OverviewAsync(LocalDate at, string language, CancellationToken cancellationToken);

    /// <summary>One party's page on <paramref name="at"/>, the treaty's terms in <paramref name="language"/> where the
    /// treaty file gives them; <c>null</c> when the node holds no log of the party.</summary>
    Task<PartyDashboard?> PartyAsync(PartyCode party, LocalDate at, string language, CancellationToken cancellationToken);

    /// <summary>One item's history, the treaty named in <paramref name="language"/>; <c>null</c> when no statement in
    /// the party's log mentions the uid (or its log is not held).</summary>
    Task<ItemHistory?> ItemAsync(PartyCode party, string uid, string language, CancellationToken cancellationToken);
}
