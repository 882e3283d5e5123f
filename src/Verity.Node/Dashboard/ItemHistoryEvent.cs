using NodaTime;

namespace Verity.Node.Dashboard;

/// <summary>One event of an item's history.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">The event's kind as treaty files name it: <c>produced</c>, <c>deployed</c>, <c>eliminated</c>, …</param>
/// <param name="Description">What happened, in a few words.</param>
public sealed record ItemHistoryEvent(LocalDate Date, string Kind, string Description);
