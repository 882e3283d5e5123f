namespace Verity.Core.Notifications;

/// <summary>Owed in reply to each notification of another type received from another party.</summary>
/// <param name="NotificationId">The type replied to.</param>
public sealed record OnReceipt(string NotificationId) : NotificationTrigger;
