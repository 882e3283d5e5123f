namespace Verity.Core.Counting;

/// <summary>What one item added to one limit, and under which term: the trace from a figure back to items.</summary>
/// <param name="ItemIndex">The item's index in the inventory counted.</param>
/// <param name="Term">The index of the rule's term it counted under.</param>
/// <param name="Weight">What it added.</param>
public readonly record struct Contribution(int ItemIndex, int Term, long Weight);
