namespace Verity.Core.Notifications;

/// <summary>Owed once, from entry into force.</summary>
public sealed record AtEntryIntoForce : NotificationTrigger;
