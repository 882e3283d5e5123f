namespace Verity.Core.Reconciliation;

/// <summary>What a reconciliation of another party's record found.</summary>
public enum FindingKind
{
    /// <summary>A database differs from the previous one plus the notifications between them.</summary>
    DatabaseMismatch,

    /// <summary>A notification was provided after its deadline.</summary>
    LateNotification,

    /// <summary>A database shows a change that no notification reported.</summary>
    MissingNotification,

    /// <summary>A database owed by the schedule was not provided.</summary>
    MissingDatabase,

    /// <summary>An item eliminated or lost appears again.</summary>
    EliminatedItemReappears,

    /// <summary>A unique identifier is produced while an item with it exists.</summary>
    UidUsedTwice,

    /// <summary>More deployed missiles at a location than deployed launchers to hold them.</summary>
    MissileInNoLauncher,

    /// <summary>Warheads on a missile that is not deployed.</summary>
    WarheadsOnNonDeployedMissile,

    /// <summary>A change notified from a place (<c>from</c>) the item was not at.</summary>
    MoveFromElsewhere,

    /// <summary>A notification about an item, of a kind the databases list one by one, that the party never declared.</summary>
    UndeclaredItem,

    /// <summary>A change that cannot start from the state the record holds: a deployment of a deployed item, a move to where it is, a status change to the status it has, a counted item where the record holds none.</summary>
    ImpossibleTransition,

    /// <summary>A notification gives a state its change cannot give: a move that changes the status, a status change that changes the location, a kind or type the item does not have.</summary>
    TransitionMismatch,

    /// <summary>A notification owed after an event, provided before the day the event occurred.</summary>
    NotifiedBeforeEvent,

    /// <summary>A notification whose fields contradict what it is filed as (its subject, its date).</summary>
    InconsistentNotification,
}
