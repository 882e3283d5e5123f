using NodaTime;

namespace Verity.Reports.Dashboard;

/// <summary>One row of the notification feed.</summary>
/// <param name="Type">The notification type's id.</param>
/// <param name="Number">The number the party gave it, when sent.</param>
/// <param name="Subject">What it is about (an item's uid, a treaty year, …); from a party's log, so untrusted text.</param>
/// <param name="Triggered">When the obligation arose.</param>
/// <param name="Due">Its deadline; <c>null</c> for an unmatched notification.</param>
/// <param name="Sent">When it was sent; <c>null</c> when not sent.</param>
/// <param name="State">On time, late, overdue, pending or unmatched.</param>
public sealed record NotificationRow(string Type, string? Number, string Subject, LocalDateTime Triggered, LocalDateTime? Due, LocalDateTime? Sent, NotificationState State);
