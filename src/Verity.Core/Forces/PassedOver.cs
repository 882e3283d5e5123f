namespace Verity.Core.Forces;

/// <summary>A row the picker did not take, and why, so that every figure beside the one shown stays in view.</summary>
/// <param name="Row">The row.</param>
/// <param name="Reason">Why, as a kind.</param>
/// <param name="Rule">The precedence rule the row matched; <c>unranked</c> when none did.</param>
/// <param name="Said">Why, as a phrase with the dates and rules involved, for a report to word in any language.</param>
public sealed record PassedOver(Estimate Row, PassReason Reason, string Rule, Text.Phrase Said)
{
    /// <summary>Why, in words (English) with the dates and rules involved.</summary>
    public string Why => Said.English;
}
