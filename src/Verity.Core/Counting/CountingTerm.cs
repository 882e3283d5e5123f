using System.Collections.Immutable;

namespace Verity.Core.Counting;

/// <summary>One term of a counting rule: which items (all conditions hold) and what each weighs.</summary>
/// <param name="Where">Conditions on item attributes, all of which must hold; empty matches every item.</param>
/// <param name="Weight">What each matching item adds.</param>
/// <param name="MaxItems">
/// At most this many items of each party count under this term (in inventory order); the rest fall through to later terms.
/// START I's discounted bomber attribution ("the first 150 heavy bombers count 10 each") uses it. <c>null</c>: no cap.
/// </param>
/// <param name="Text">The provision the term encodes, for traces.</param>
public sealed record CountingTerm(ImmutableArray<Condition> Where, Weight Weight, int? MaxItems = null, string? Text = null);
