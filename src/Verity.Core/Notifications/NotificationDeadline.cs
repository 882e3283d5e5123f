using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>When a notification is due: a period after its trigger, or (in advance) before it.</summary>
/// <param name="Offset">The period, such as five days or 24 hours.</param>
/// <param name="InAdvance">Whether the notification is due before the trigger rather than after.</param>
public sealed record NotificationDeadline(Period Offset, bool InAdvance)
{
    /// <summary>The latest moment (GMT) the notification may be provided for a trigger at <paramref name="trigger"/>.</summary>
    public LocalDateTime DueFor(LocalDateTime trigger) => InAdvance ? trigger.Minus(Offset) : trigger.Plus(Offset);

    /// <inheritdoc />
    public override string ToString() => InAdvance ? $"{Offset} before" : $"{Offset} after";
}
