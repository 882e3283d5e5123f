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

    /// <summary>A move from a place the item was not at.</summary>
    MoveFromElsewhere,

    /// <summary>A notification about an item, of a kind the databases list one by one, that the party never declared.</summary>
    UndeclaredItem,
}
