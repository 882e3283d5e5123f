namespace Verity.Reports.Dashboard;

/// <summary>Where a notification stands against its deadline.</summary>
public enum NotificationState
{
    /// <summary>Sent by its deadline.</summary>
    OnTime,

    /// <summary>Sent after its deadline.</summary>
    Late,

    /// <summary>Not sent, and the deadline has passed.</summary>
    Overdue,

    /// <summary>Not sent yet; the deadline has not passed.</summary>
    Pending,

    /// <summary>Sent, but no obligation calls for it.</summary>
    Unmatched,

    /// <summary>Sent, but what it is owed for cannot be derived from the log (an activity, or a reply to a log not held).</summary>
    NotAssessed,
}
