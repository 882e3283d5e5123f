using Verity.Core.Counting;

namespace Verity.Core.Treaties;

/// <summary>A change that an interpretation makes to one limit's counting rule.</summary>
/// <param name="LimitId">The limit changed.</param>
/// <param name="Add">Terms counted in addition to the rule's own (after them); <c>null</c> when none.</param>
/// <param name="Replace">A rule used instead of the limit's own; <c>null</c> to keep it.</param>
public sealed record RuleOverlay(string LimitId, CountingRule? Add, CountingRule? Replace)
{
    /// <summary>Applies the overlay to a rule.</summary>
    public CountingRule ApplyTo(CountingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var result = Replace ?? rule;
        return Add is null ? result : new CountingRule([.. result.Terms, .. Add.Terms]);
    }
}
