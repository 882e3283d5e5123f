using NodaTime;

namespace Verity.Core.Analysis.Replay;

/// <summary>A published count of the notifications exchanged up to a date, with its source.</summary>
/// <param name="Date">The date the count is as of.</param>
/// <param name="Count">How many notifications, 0 or more.</param>
/// <param name="Scope">Whose notifications, such as "both parties".</param>
/// <param name="Source">Where the count is published.</param>
/// <param name="Note">The source's words.</param>
public sealed record PublishedNotificationCount(LocalDate Date, long Count, string Scope, string Source, string Note);
