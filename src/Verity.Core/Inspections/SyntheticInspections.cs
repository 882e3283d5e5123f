using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Core.Inspections;

/// <summary>
/// A synthetic record of each inspection consistent with the public record, for a replay: every published count of one
/// party is reproduced within its span, and a total over several parties and years that equals the full quota of those
/// years (New START's 252 by February 2018) fills each of its years to its quota. Spans the record leaves open hold no
/// synthetic inspection. Types split by the year's quotas (largest remainder) where the record gives only totals, and
/// inspections fall evenly over the days they were allowed (no pause, suspension or exemption in force): both illustrative.
/// </summary>
public static class SyntheticInspections
{
    /// <summary>The synthetic inspections of every party up to <paramref name="through"/>, in date order.</summary>
    public static ImmutableArray<Inspection> Build(Treaty treaty, ImmutableArray<PublishedInspectionCount> record, LocalDate through)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var report = InspectionQuotas.AsOf(treaty, InspectionsHeld.Published(record), through);
        var inspections = new List<Inspection>();
        foreach (var party in report.Parties)
        {
            var others = treaty.Parties.Select(p => p.Code).Where(c => c != party.Party).ToList();
            foreach (var year in party.Years)
            {
                var quotas = treaty.Inspections.Quotas.Where(q => q.AppliesIn(year.Year)).ToList();
                var own = record.Where(r => r.Count > 0 && r.IsOf(party.Party) && r.From >= year.Start && r.To <= year.On).ToList();
                var spans = own.Count > 0
                    ? own.Select(r => (r.From, r.To, Counts: r.Type is { } t ? [(t, r.Count!.Value)] : Split(quotas, r.Count!.Value)))
                    : report.Checks.Any(c => c.IsFullUse && c.Row.Parties.Contains(party.Party) && c.Row.From <= year.Start && c.Row.To >= year.End)
                        ? [(year.Start, year.End, Counts: quotas.Select(q => (q.Type, q.PerYear)).ToList())]
                        : [];
                foreach (var (from, to, counts) in spans)
                {
                    inspections.AddRange(Spread(treaty, party.Party, others, from, to, counts));
                }
            }
        }

        return [.. inspections.OrderBy(i => i.Date).ThenBy(i => i.Inspecting.Value, StringComparer.Ordinal).ThenBy(i => i.Type, StringComparer.Ordinal)];
    }

    /// <summary>The published counts that <paramref name="inspections"/> do not reproduce within their spans (for their parties and type); empty when consistent.</summary>
    public static ImmutableArray<PublishedInspectionCount> Unmatched(ImmutableArray<PublishedInspectionCount> record, IReadOnlyCollection<Inspection> inspections)
    {
        ArgumentNullException.ThrowIfNull(inspections);
        return [.. record.Where(r => r.Count is { } n && n != inspections.Count(i =>
            r.Parties.Contains(i.Inspecting) && (r.Type is null || i.Type == r.Type) && i.Date >= r.From && i.Date <= r.To))];
    }

    /// <summary>A total split over the types in proportion to their quotas, the remainder to the largest fractions.</summary>
    private static List<(string Type, int Count)> Split(List<InspectionQuota> quotas, int total)
    {
        var sum = quotas.Sum(q => q.PerYear);
        if (sum == 0)
        {
            return quotas.Count == 0 ? [] : [(quotas[0].Type, total)];
        }

        var shares = quotas.Select(q => (q.Type, Exact: (double)total * q.PerYear / sum)).ToList();
        var counts = shares.Select(s => (s.Type, Count: (int)Math.Floor(s.Exact))).ToList();
        var remainder = total - counts.Sum(c => c.Count);
        foreach (var i in Enumerable.Range(0, shares.Count).OrderByDescending(i => shares[i].Exact - Math.Floor(shares[i].Exact)).ThenBy(i => i).Take(remainder))
        {
            counts[i] = (counts[i].Type, counts[i].Count + 1);
        }

        return counts;
    }

    /// <summary>The inspections of a span, types interleaved, one every so many of the days they were allowed.</summary>
    private static IEnumerable<Inspection> Spread(Treaty treaty, PartyCode party, List<PartyCode> others, LocalDate from, LocalDate to, List<(string Type, int Count)> counts)
    {
        var days = new List<(LocalDate Day, PartyCode Of)>();
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (treaty.Inspections.From is { } first && day < first)
            {
                continue;
            }

            var restraints = InspectionQuotas.RestraintsOn(treaty, party, day);
            if (others.FirstOrDefault(o => !restraints.Any(r => r.Stops(party, o))) is { Value: not null } open)
            {
                days.Add((day, open));
            }
        }

        if (days.Count == 0)
        {
            // The record says they took place: on the span's days, whatever was in force.
            for (var day = from; day <= to; day = day.PlusDays(1))
            {
                days.Add((day, others[0]));
            }
        }

        var types = Interleave(counts);
        for (var i = 0; i < types.Count; i++)
        {
            var (day, of) = days[(int)((i + 0.5) * days.Count / types.Count)];
            yield return new Inspection(day, types[i], party, of);
        }
    }

    private static List<string> Interleave(List<(string Type, int Count)> counts)
    {
        var left = counts.Select(c => c.Count).ToArray();
        var types = new List<string>();
        while (left.Any(n => n > 0))
        {
            for (var i = 0; i < counts.Count; i++)
            {
                if (left[i] > 0)
                {
                    types.Add(counts[i].Type);
                    left[i]--;
                }
            }
        }

        return types;
    }
}
