using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>
/// The inspections held, as far as a record tells: either each inspection (a log or a synthetic record, complete by
/// construction) or the public record's counts over spans of time, which leave some spans unknown.
/// </summary>
public abstract class InspectionsHeld
{
    private protected InspectionsHeld()
    {
    }

    /// <summary>The published rows this record was made from; empty for a record of each inspection.</summary>
    public abstract ImmutableArray<PublishedInspectionCount> Rows { get; }

    /// <summary>A record of each inspection.</summary>
    public static InspectionsHeld Of(IEnumerable<Inspection> inspections) => new Each([.. inspections ?? throw new ArgumentNullException(nameof(inspections))]);

    /// <summary>The public record: counts over spans, some of which are not published.</summary>
    public static InspectionsHeld Published(IEnumerable<PublishedInspectionCount> rows) => new Counts([.. rows ?? throw new ArgumentNullException(nameof(rows))]);

    /// <summary>
    /// How many inspections <paramref name="inspecting"/> conducted from <paramref name="from"/> to
    /// <paramref name="through"/> (inclusive), of <paramref name="type"/> or (with <c>null</c>) of every type.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="through"/> is before <paramref name="from"/>.</exception>
    public HeldCount Count(PartyCode inspecting, string? type, LocalDate from, LocalDate through)
    {
        if (through < from)
        {
            throw new ArgumentException($"the span ends on {through:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}", nameof(through));
        }

        return CountWithin(inspecting, type, from, through);
    }

    private protected abstract HeldCount CountWithin(PartyCode inspecting, string? type, LocalDate from, LocalDate through);

    private sealed class Each(ImmutableArray<Inspection> inspections) : InspectionsHeld
    {
        public override ImmutableArray<PublishedInspectionCount> Rows => [];

        private protected override HeldCount CountWithin(PartyCode inspecting, string? type, LocalDate from, LocalDate through) => new(
            inspections.Count(i => i.Inspecting == inspecting && (type is null || i.Type == type) && i.Date >= from && i.Date <= through),
            CountBasis.Counted,
            []);
    }

    /// <summary>
    /// Published counts. A span is known when rows of the party tile it: each row counting only the party's own
    /// inspections lies wholly within the span (a part of its count cannot be told from the rest), and a row of 0 —
    /// for the party alone or with others, for the type or for every type — covers any part of the span it overlaps,
    /// since 0 in all is 0 in each part.
    /// </summary>
    private sealed class Counts(ImmutableArray<PublishedInspectionCount> rows) : InspectionsHeld
    {
        public override ImmutableArray<PublishedInspectionCount> Rows => rows;

        private protected override HeldCount CountWithin(PartyCode inspecting, string? type, LocalDate from, LocalDate through)
        {
            var usable = rows.Where(r => r.Count switch
            {
                null => false,
                0 => r.Parties.Contains(inspecting) && (r.Type is null || r.Type == type),
                _ => r.IsOf(inspecting) && r.Type == type && r.From >= from && r.To <= through,
            }).ToList();
            var total = 0;
            var derived = false;
            var sources = new List<string>();
            for (var cursor = from; cursor <= through;)
            {
                // A count above 0 must start where the span still unknown starts, or it would count days twice.
                var next = usable
                    .Where(r => r.From <= cursor && cursor <= r.To && (r.Count == 0 || r.From == cursor))
                    .OrderByDescending(r => r.To).ThenBy(r => r.Line)
                    .FirstOrDefault();
                if (next is null)
                {
                    return HeldCount.NotPublished;
                }

                total = checked(total + next.Count!.Value);
                derived |= next.Basis == PublishedInspectionCount.Derived;
                if (!sources.Contains(next.Source))
                {
                    sources.Add(next.Source);
                }

                if (next.To >= through)
                {
                    break;
                }

                cursor = next.To.PlusDays(1);
            }

            return new HeldCount(total, derived ? CountBasis.Derived : CountBasis.Published, [.. sources]);
        }
    }
}
