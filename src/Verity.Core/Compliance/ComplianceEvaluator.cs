using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Counting;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>Evaluates a treaty's limits over an inventory on a date: counts, compares and gives each a status.</summary>
public static class ComplianceEvaluator
{
    /// <summary>Evaluates every limit for every party and group (or only those of <paramref name="party"/>).</summary>
    /// <param name="treaty">The treaty.</param>
    /// <param name="inventory">The items as of <paramref name="at"/>.</param>
    /// <param name="at">The date.</param>
    /// <param name="interpretation">The reading; <see cref="Interpretation.Agreed"/> for the treaty's own rules.</param>
    /// <param name="party">Only this party and the groups it belongs to; <c>null</c> for all.</param>
    /// <param name="trace">Whether to record which items each figure counts.</param>
    /// <param name="levels">
    /// Resolves freezes: each party's level of a measure on a date. Without it (or where it knows no level) a freeze
    /// in force has no ceiling and its limit shows <see cref="LimitStatus.NoCeiling"/>; no number is made up.
    /// </param>
    /// <exception cref="ArgumentException">The treaty is a proposal whose dates are relative to an entry into force not yet assumed.</exception>
    public static ComplianceReport Evaluate(
        Treaty treaty,
        Inventory inventory,
        LocalDate at,
        Interpretation interpretation,
        PartyCode? party = null,
        bool trace = false,
        FreezeLevel? levels = null)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        if (!treaty.Dates.HasEntryIntoForce || treaty.Limits.Any(l => !l.IsResolved))
        {
            throw new ArgumentException($"{treaty.Id} has dates relative to an entry into force not yet assumed: evaluate treaty.AssumingEntryIntoForce(date)", nameof(treaty));
        }

        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(interpretation);

        var limits = treaty.LimitsUnder(interpretation);
        var defaults = treaty.Attributes.Where(a => a.Default is not null).ToDictionary(a => a.Id, a => a.Default!, StringComparer.Ordinal);
        var tally = Counter.Count(inventory, [.. limits.Select(l => l.Rule)], defaults, trace);
        var partyColumn = inventory.Column("party");

        var scopes = ImmutableArray.CreateBuilder<ScopeCompliance>();
        foreach (var p in treaty.Parties.Select(p => p.Code).Where(p => party is null || p == party))
        {
            var applicable = limits
                .Select((limit, index) => (limit, index))
                .Where(x => x.limit.Scope is LimitScope.EachPartyScope || (x.limit.Scope is LimitScope.PartyScope ps && ps.Party == p));
            scopes.Add(Scope(p.Value, [p], at, treaty.StandingAt(at, p), applicable, tally, partyColumn, levels));
        }

        foreach (var group in treaty.Groups.Where(g => party is null || g.Members.Contains(party.Value)))
        {
            var applicable = limits
                .Select((limit, index) => (limit, index))
                .Where(x => x.limit.Scope is LimitScope.GroupScope gs && gs.GroupId == group.Id);
            var members = group.Members;
            var standing = members.Select(m => treaty.StandingAt(at, m)).All(s => s == TreatyStanding.Suspended)
                ? TreatyStanding.Suspended
                : treaty.StandingAt(at);
            var scope = Scope(group.Id, members, at, standing, applicable, tally, partyColumn, levels);
            if (!scope.Limits.IsEmpty)
            {
                scopes.Add(scope);
            }
        }

        return new ComplianceReport(treaty, at, interpretation, treaty.StandingAt(at), scopes.ToImmutable(), inventory);
    }

    /// <summary>The status of a limit with a counted value, on a date, for a scope where the treaty stands as given, against the ceiling in force then.</summary>
    public static LimitStatus StatusOf(Limit limit, long value, LocalDate at, TreatyStanding standing)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return StatusOf(limit, value, limit.CeilingAt(at), at, standing);
    }

    /// <summary>The status of a limit with a counted value against a given ceiling (<c>null</c>: a freeze not resolved).</summary>
    public static LimitStatus StatusOf(Limit limit, long value, long? ceiling, LocalDate at, TreatyStanding standing)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return standing switch
        {
            TreatyStanding.NotInForce or TreatyStanding.Terminated or TreatyStanding.Withdrawn => LimitStatus.TreatyNotInForce,
            TreatyStanding.Expired => LimitStatus.Expired,
            _ when at < limit.From => LimitStatus.NotYetInEffect,
            TreatyStanding.Suspended => LimitStatus.Suspended,
            _ when ceiling is null => LimitStatus.NoCeiling,
            _ => value > ceiling ? LimitStatus.Exceeds : LimitStatus.Within,
        };
    }

    private static ScopeCompliance Scope(
        string scope,
        ImmutableArray<PartyCode> members,
        LocalDate at,
        TreatyStanding standing,
        IEnumerable<(Limit Limit, int Index)> limits,
        Tally tally,
        AttributeColumn? partyColumn,
        FreezeLevel? levels)
    {
        var results = limits.Select(x =>
        {
            var value = tally.Value(x.Index, members);
            var contributions = tally.IsTraced
                ? [.. tally.Contributions(x.Index).Where(c => partyColumn is not null && members.Any(m => m.Value == partyColumn.ValueAt(c.ItemIndex)))]
                : ImmutableArray<Contribution>.Empty;
            // Before the limit takes effect, show the ceiling it will start at.
            var ceiling = x.Limit.CeilingAt(at < x.Limit.From ? x.Limit.From : at, members, levels);
            return new LimitResult(x.Limit, value, ceiling, StatusOf(x.Limit, value, ceiling, at, standing), contributions);
        });
        return new ScopeCompliance(scope, members, standing, [.. results]);
    }
}
