using Verity.Core.Analysis.Proposals;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>
/// The words every edge uses for statuses and standings, in JSON and in tables: one vocabulary, so that
/// <c>verity comply --json</c> and the node's API say the same thing.
/// </summary>
public static class StatusWords
{
    /// <summary>A limit's status: <c>within</c>, <c>exceeds</c>, <c>not-yet-in-effect</c>, <c>treaty-not-in-force</c>, <c>suspended</c>, <c>expired</c>, <c>no-ceiling</c>.</summary>
    public static string Of(LimitStatus status) => status switch
    {
        LimitStatus.Within => "within",
        LimitStatus.Exceeds => "exceeds",
        LimitStatus.NotYetInEffect => "not-yet-in-effect",
        LimitStatus.TreatyNotInForce => "treaty-not-in-force",
        LimitStatus.Suspended => "suspended",
        LimitStatus.Expired => "expired",
        LimitStatus.NoCeiling => "no-ceiling",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown limit status."),
    };

    /// <summary>Where a treaty stands: <c>not in force</c>, <c>in force</c>, <c>suspended</c>, <c>expired</c>, <c>terminated</c>, <c>withdrawn</c>.</summary>
    public static string Of(TreatyStanding standing) => standing switch
    {
        TreatyStanding.NotInForce => "not in force",
        TreatyStanding.InForce => "in force",
        TreatyStanding.Suspended => "suspended",
        TreatyStanding.Expired => "expired",
        TreatyStanding.Terminated => "terminated",
        TreatyStanding.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(standing), standing, "Unknown standing."),
    };

    /// <summary>An obligation's state: <c>on-time</c>, <c>late</c>, <c>overdue</c>, <c>pending</c>.</summary>
    public static string Of(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "on-time",
        DeadlineState.Late => "late",
        DeadlineState.Overdue => "overdue",
        DeadlineState.Pending => "pending",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown deadline state."),
    };

    /// <summary>A reconciliation finding's kind, such as <c>missing-notification</c> (as <c>verity reconcile --json</c> prints it).</summary>
    public static string Of(FindingKind kind) => kind switch
    {
        FindingKind.DatabaseMismatch => "database-mismatch",
        FindingKind.LateNotification => "late-notification",
        FindingKind.MissingNotification => "missing-notification",
        FindingKind.MissingDatabase => "missing-database",
        FindingKind.EliminatedItemReappears => "eliminated-item-reappears",
        FindingKind.UidUsedTwice => "uid-used-twice",
        FindingKind.MissileInNoLauncher => "missile-in-no-launcher",
        FindingKind.WarheadsOnNonDeployedMissile => "warheads-on-non-deployed-missile",
        FindingKind.MoveFromElsewhere => "move-from-elsewhere",
        FindingKind.UndeclaredItem => "undeclared-item",
        FindingKind.ImpossibleTransition => "impossible-transition",
        FindingKind.TransitionMismatch => "transition-mismatch",
        FindingKind.NotifiedBeforeEvent => "notified-before-event",
        FindingKind.InconsistentNotification => "inconsistent-notification",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown finding kind."),
    };

    /// <summary>A draft's limit against a projection: <c>within</c>, <c>exceeds</c>, <c>not-yet-in-effect</c>, <c>expired</c>, <c>no-data</c>.</summary>
    public static string Of(ComparisonStatus status) => status switch
    {
        ComparisonStatus.Within => "within",
        ComparisonStatus.Exceeds => "exceeds",
        ComparisonStatus.NotYetInEffect => "not-yet-in-effect",
        ComparisonStatus.Expired => "expired",
        ComparisonStatus.NoData => "no-data",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown comparison status."),
    };
}
