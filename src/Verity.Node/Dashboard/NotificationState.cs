namespace Verity.Node.Dashboard;

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
}
