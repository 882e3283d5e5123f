using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Items;
using Verity.Core.Notifications;
using Verity.Core.Treaties;

namespace Verity.Core.Records;

/// <summary>
/// The record of the whole treaty: the treaty and every party's <see cref="PartyRecord"/> that is held. Each view that
/// needs more than one party's statements is derived here — a group's limits over the combined forces of its members,
/// the replies a party owes to the notifications it received from another party — never stored.
/// </summary>
/// <remarks>
/// Immutable and pure. A party whose record is not held is absent (<see cref="Missing"/>), never counted as zero: a
/// group with a missing member has no known value, and replies to a missing party's notifications are not assessed.
/// A single party's own facts (forces, findings, an item's history) stay on its <see cref="PartyRecord"/>.
/// </remarks>
public sealed class TreatyRecord
{
    private readonly ImmutableDictionary<PartyCode, PartyRecord> _records;

    private TreatyRecord(Treaty treaty, ImmutableArray<PartyRecord> records)
    {
        Treaty = treaty;
        Records = records;
        _records = records.ToImmutableDictionary(r => r.Party);
        Missing = [.. treaty.Parties.Select(p => p.Code).Where(p => !_records.ContainsKey(p))];
    }

    /// <summary>The treaty.</summary>
    public Treaty Treaty { get; }

    /// <summary>The records held, in the treaty's order of parties.</summary>
    public ImmutableArray<PartyRecord> Records { get; }

    /// <summary>The parties of the treaty whose records are not held, in the treaty's order.</summary>
    public ImmutableArray<PartyCode> Missing { get; }

    /// <summary>The record of <paramref name="party"/>, or <c>null</c> when it is not held.</summary>
    public PartyRecord? this[PartyCode party] => _records.GetValueOrDefault(party);

    /// <summary>The treaty's record over <paramref name="records"/>.</summary>
    /// <param name="treaty">The treaty.</param>
    /// <param name="records">The records held, at most one per party, each read against <paramref name="treaty"/>.</param>
    /// <exception cref="ArgumentException">A record is read against another treaty, is of a party the treaty does not name, or a party has two.</exception>
    public static TreatyRecord Create(Treaty treaty, IEnumerable<PartyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        foreach (var record in list)
        {
            if (record.Treaty.Id != treaty.Id)
            {
                throw new ArgumentException($"the record of {record.Party} is read against treaty '{record.Treaty.Id}', not this '{treaty.Id}'.", nameof(records));
            }

            if (!treaty.HasParty(record.Party))
            {
                throw new ArgumentException($"{record.Party} is not a party of {treaty.Id} ({string.Join(", ", treaty.Parties.Select(p => p.Code.Value))}).", nameof(records));
            }
        }

        if (list.GroupBy(r => r.Party).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{twice.Count()} records of {twice.Key}: a party has one record.", nameof(records));
        }

        var order = treaty.Parties.Select((p, i) => (p.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return new TreatyRecord(treaty, [.. list.OrderBy(r => order[r.Party])]);
    }

    /// <summary>
    /// Compliance on <paramref name="at"/> under the agreed reading: each held party's own limits
    /// (<see cref="PartyRecord.ComplianceAt"/>), and each group's limits counted by <see cref="ComplianceEvaluator"/>
    /// over the combined inventory of its members (their <see cref="PartyRecord.ForcesAt"/>) — known only when every
    /// member's record is held and declares forces on or before the date.
    /// </summary>
    /// <param name="at">The date.</param>
    /// <param name="party">Only this party and the groups it belongs to; <c>null</c> for every party and group.</param>
    public TreatyCompliance ComplianceAt(LocalDate at, PartyCode? party = null)
    {
        var parties = Records.Where(r => party is null || r.Party == party).Select(r => r.ComplianceAt(at)).ToImmutableArray();
        var groups = Treaty.Groups.Where(g => party is null || g.Members.Contains(party.Value)).ToList();
        if (groups.Count == 0)
        {
            return new TreatyCompliance(at, parties, [], Missing);
        }

        // The members' forces, each party's once; a party asked for already has its own.
        var forces = parties.ToDictionary(c => c.Forces.Party, c => c.Forces);
        foreach (var member in groups.SelectMany(g => g.Members).Distinct())
        {
            if (!forces.ContainsKey(member) && this[member] is { } record)
            {
                forces[member] = record.ForcesAt(at);
            }
        }

        var declared = forces.Values.Where(f => f.Basis is not null).OrderBy(f => f.Party.Value, StringComparer.Ordinal).ToList();
        var report = ComplianceEvaluator.Evaluate(Treaty, Combined(declared), at, Interpretation.Agreed, party);
        var results = ImmutableArray.CreateBuilder<GroupCompliance>();
        foreach (var group in groups)
        {
            if (report[group.Id] is not { } scope)
            {
                // A group without limits is not evaluated (as ComplianceEvaluator leaves it out).
                continue;
            }

            var held = group.Members.Where(m => forces.ContainsKey(m)).ToImmutableArray();
            var missing = group.Members.Where(m => !forces.ContainsKey(m)).ToImmutableArray();
            var undeclared = held.Where(m => forces[m].Basis is null).ToImmutableArray();
            var known = missing.IsEmpty && undeclared.IsEmpty;
            results.Add(new GroupCompliance(group, at, scope.Standing, held, missing, undeclared,
                [.. scope.Limits.Select(l => known
                    ? new GroupLimit(l.Limit, l.Value, l.Ceiling, l.Status)
                    : new GroupLimit(l.Limit, null, l.Ceiling, l.Status is LimitStatus.Within or LimitStatus.Exceeds ? null : l.Status))]));
        }

        return new TreatyCompliance(at, parties, results.ToImmutable(), Missing);
    }

    /// <summary>
    /// The notification deadlines of <paramref name="party"/> on <paramref name="asOf"/> (see
    /// <see cref="PartyRecord.DeadlinesAt(LocalDate)"/>), with the replies it owes to the notifications it received:
    /// those of every other party whose record is held, as that party's record gives them. A reply to a party whose
    /// record is not held is not assessed (<see cref="RecordDeadlines.NotAssessed"/>). <c>null</c> when the party's
    /// own record is not held.
    /// </summary>
    public RecordDeadlines? DeadlinesAt(PartyCode party, LocalDate asOf)
    {
        if (this[party] is not { } record)
        {
            return null;
        }

        var others = Treaty.Parties.Select(p => p.Code).Where(p => p != party).ToList();
        var from = others.Where(p => _records.ContainsKey(p)).ToImmutableArray();
        var notHeld = others.Where(p => !_records.ContainsKey(p)).ToImmutableArray();
        var received = from.SelectMany(p => _records[p].Notifications.Select(n => n.Document)).ToList();
        return record.DeadlinesAt(asOf, received, from, notHeld);
    }

    /// <summary>
    /// The members' forces as one inventory. Uids are unique within a party's record; an item whose uid another
    /// party's item already has (items counted by location are named by their location) is renamed
    /// <c>PARTY:UID</c>, which no rule counts by.
    /// </summary>
    private static Inventory Combined(IEnumerable<DerivedForces> forces)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<Item>();
        foreach (var item in forces.SelectMany(f => f.Inventory))
        {
            items.Add(seen.Add(item.Uid) ? item : item with { Uid = $"{item.Party}:{item.Uid}" });
        }

        return Inventory.From(items);
    }
}
