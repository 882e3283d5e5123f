using System.Collections.Immutable;

namespace Verity.Core.Counting;

/// <summary>What a set of counting rules counted over one inventory: a value per rule and party, and, when traced, each item's contribution.</summary>
public sealed class Tally
{
    private readonly long[] _values;
    private readonly ImmutableArray<string> _parties;
    private readonly ImmutableArray<ImmutableArray<Contribution>> _contributions;

    internal Tally(int ruleCount, ImmutableArray<string> parties, long[] values, ImmutableArray<ImmutableArray<Contribution>> contributions)
    {
        RuleCount = ruleCount;
        _parties = parties;
        _values = values;
        _contributions = contributions;
    }

    /// <summary>The number of rules counted.</summary>
    public int RuleCount { get; }

    /// <summary>Whether contributions were recorded.</summary>
    public bool IsTraced => !_contributions.IsDefault;

    /// <summary>The value rule <paramref name="rule"/> counts for one party's items.</summary>
    public long Value(int rule, PartyCode party)
    {
        var p = _parties.IndexOf(party.Value);
        return p < 0 ? 0 : _values[(rule * _parties.Length) + p];
    }

    /// <summary>The value rule <paramref name="rule"/> counts for several parties' items together.</summary>
    public long Value(int rule, IEnumerable<PartyCode> parties) => parties.Sum(p => Value(rule, p));

    /// <summary>The items that rule <paramref name="rule"/> counted, in inventory order.</summary>
    /// <exception cref="InvalidOperationException">The count was not traced.</exception>
    public ImmutableArray<Contribution> Contributions(int rule) => IsTraced
        ? _contributions[rule]
        : throw new InvalidOperationException("This tally was counted without a trace; count with trace: true.");
}
