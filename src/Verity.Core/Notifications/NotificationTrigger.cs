namespace Verity.Core.Notifications;

/// <summary>What makes a notification owed.</summary>
public abstract record NotificationTrigger
{
    private protected NotificationTrigger()
    {
    }
}
