using System.Collections.Immutable;

namespace Verity.Core.Counting;

/// <summary>
/// How a limit counts items: an ordered list of terms. Each item counts under the first term whose filter it
/// matches (and whose <see cref="CountingTerm.MaxItems"/> is not used up), with that term's weight; an item
/// that matches no term counts zero.
/// </summary>
/// <param name="Terms">The terms, in order; never empty.</param>
public sealed record CountingRule(ImmutableArray<CountingTerm> Terms)
{
    /// <summary>Every attribute any term filters on or weighs by.</summary>
    public IEnumerable<string> Attributes =>
        Terms.SelectMany(t => t.Where.Select(c => c.Attribute).Concat(t.Weight.Attribute is { } a ? [a] : [])).Distinct();
}
