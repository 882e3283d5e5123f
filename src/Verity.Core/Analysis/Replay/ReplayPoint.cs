using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Compliance;

namespace Verity.Core.Analysis.Replay;

/// <summary>One party on one date of the public record: what was published beside what the ledger counts.</summary>
/// <param name="Date">The date the data are as of.</param>
/// <param name="Party">The party.</param>
/// <param name="Published">The published figure per measure (limit id); absent where none was published.</param>
/// <param name="Computed">The value the ledger counts per measure under the agreed reading.</param>
/// <param name="Reading">The value per measure under the interpretation asked for, or empty for the agreed reading alone.</param>
/// <param name="Status">Each limit's status on the date under the agreed reading.</param>
/// <param name="ReadingStatus">Each limit's status on the date under the interpretation asked for, or empty for the agreed reading alone.</param>
public sealed record ReplayPoint(
    LocalDate Date,
    PartyCode Party,
    ImmutableDictionary<string, PublishedFigure> Published,
    ImmutableDictionary<string, long> Computed,
    ImmutableDictionary<string, long> Reading,
    ImmutableDictionary<string, LimitStatus> Status,
    ImmutableDictionary<string, LimitStatus> ReadingStatus)
{
    /// <summary>The limits whose status under the interpretation asked for differs from the agreed one, by id.</summary>
    public IEnumerable<string> Disputed =>
        ReadingStatus.Where(r => Status.GetValueOrDefault(r.Key) != r.Value).Select(r => r.Key).Order(StringComparer.Ordinal);

    /// <summary>The measures with a published value that differs from the computed one.</summary>
    public IEnumerable<string> Mismatches =>
        Published.Where(p => p.Value.Value is { } v && Computed.GetValueOrDefault(p.Key) != v).Select(p => p.Key);
}
