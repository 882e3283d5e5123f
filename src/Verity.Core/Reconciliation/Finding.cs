using NodaTime;

namespace Verity.Core.Reconciliation;

/// <summary>One finding, with what it is about, where it was seen and both sides of the discrepancy in its message.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Date">The date it concerns.</param>
/// <param name="Subject">The item's uid, or the database's as-of date.</param>
/// <param name="Evidence">The notification's number or the database (as "database as of DATE") it was seen in.</param>
/// <param name="Message">The discrepancy, with the values on each side.</param>
public sealed record Finding(FindingKind Kind, LocalDate Date, string Subject, string Evidence, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd} {Subject}: {Message} ({Evidence})";
}
