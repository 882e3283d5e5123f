namespace Verity.Core.Notifications;

/// <summary>Where one obligation stands on a date.</summary>
public enum DeadlineState
{
    /// <summary>Provided no later than its deadline.</summary>
    OnTime,

    /// <summary>Provided after its deadline: a finding.</summary>
    Late,

    /// <summary>Not provided, and its deadline has passed: a finding.</summary>
    Overdue,

    /// <summary>Not provided yet, and its deadline has not passed.</summary>
    Pending,
}
