using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>Owed at the end of each period (a six-month data update) or, for advance notices, before each period begins.</summary>
/// <param name="Every">The period's length.</param>
/// <param name="First">Where the first period begins.</param>
public sealed record EveryPeriod(Period Every, PeriodStart First) : NotificationTrigger;
