using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>What makes a notification owed.</summary>
public abstract record NotificationTrigger
{
    private protected NotificationTrigger()
    {
    }
}

/// <summary>Owed once, from entry into force.</summary>
public sealed record AtEntryIntoForce : NotificationTrigger;

/// <summary>Owed at the end of each period (a six-month data update) or, for advance notices, before each period begins.</summary>
/// <param name="Every">The period's length.</param>
/// <param name="First">Where the first period begins.</param>
public sealed record EveryPeriod(Period Every, PeriodStart First) : NotificationTrigger;

/// <summary>Where a periodic trigger's first period begins.</summary>
public enum PeriodStart
{
    /// <summary>The first day of the calendar month after the month of entry into force (New START Part Four, Section II, para. 2).</summary>
    MonthAfterEntryIntoForce,

    /// <summary>The first of January after entry into force.</summary>
    CalendarYearAfterEntryIntoForce,
}

/// <summary>Owed for each item event of the listed kinds (a change in data).</summary>
/// <param name="Events">Event kinds, such as <c>moved</c> (see <see cref="Items.ItemEvent"/>).</param>
public sealed record OnItemEvents(ImmutableArray<string> Events) : NotificationTrigger;

/// <summary>Owed for each activity of a kind: a launch, an inspection flight, a bomber leaving national territory.</summary>
/// <param name="Kind">The activity kind.</param>
public sealed record OnActivity(string Kind) : NotificationTrigger;

/// <summary>Owed in reply to each notification of another type received from another party.</summary>
/// <param name="NotificationId">The type replied to.</param>
public sealed record OnReceipt(string NotificationId) : NotificationTrigger;
