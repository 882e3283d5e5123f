namespace Verity.Core.Inspections;

/// <summary>Whether one more inspection of a type by one party of another on a date is allowed, and why.</summary>
/// <param name="Outcome">Allowed, refused or undetermined.</param>
/// <param name="Reason">Why, in words, with the numbers and the act and source behind a refusal.</param>
/// <param name="TreatyYear">The treaty year of the date; 0 before entry into force.</param>
/// <param name="Line">The quota it would count against, as it stood on the date; <c>null</c> when there is none (an unknown type, a year with no quota).</param>
/// <param name="Cause">The lifecycle act that refuses it, if one does.</param>
public sealed record QuotaDecision(DecisionOutcome Outcome, string Reason, int TreatyYear, QuotaLine? Line, Restraint? Cause)
{
    /// <summary>Whether the inspection is allowed.</summary>
    public bool IsAllowed => Outcome == DecisionOutcome.Allowed;
}
