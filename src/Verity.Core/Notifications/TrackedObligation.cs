namespace Verity.Core.Notifications;

/// <summary>An obligation, the notification that discharged it (if any), and its state.</summary>
/// <param name="Obligation">What was owed.</param>
/// <param name="Provided">The notification provided for it, or <c>null</c>.</param>
/// <param name="State">Its state on the date tracked.</param>
public sealed record TrackedObligation(Obligation Obligation, NotificationDocument? Provided, DeadlineState State);
