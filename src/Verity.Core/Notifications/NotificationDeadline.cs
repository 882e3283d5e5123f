using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>When a notification is due: a period after its trigger, or (in advance) before it.</summary>
/// <param name="Offset">The period, such as five days or 24 hours.</param>
/// <param name="InAdvance">Whether the notification is due before the trigger rather than after.</param>
public sealed record NotificationDeadline(Period Offset, bool InAdvance)
{
    /// <summary>
    /// The latest moment (GMT) the notification may be provided for a trigger at <paramref name="trigger"/>. "No later
    /// than five days after" a date allows the whole fifth day; a period in hours, or one owed in advance, is exact.
    /// </summary>
    public LocalDateTime DueFor(LocalDateTime trigger)
    {
        if (InAdvance)
        {
            return trigger.Minus(Offset);
        }

        return Offset.HasTimeComponent ? trigger.Plus(Offset) : trigger.Date.Plus(Offset).At(LastMinute);
    }

    private static readonly LocalTime LastMinute = new(23, 59, 59);

    /// <inheritdoc />
    public override string ToString() => InAdvance ? $"{Offset} before" : $"{Offset} after";
}
