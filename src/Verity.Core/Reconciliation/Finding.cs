using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Reconciliation;

/// <summary>One finding, with what it is about, where it was seen and both sides of the discrepancy in its message.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Date">The date it concerns.</param>
/// <param name="Subject">The item's uid, or the database's as-of date.</param>
/// <param name="Seen">The notification (by its number) or the database (by its as-of date) it was seen in, as a phrase.</param>
/// <param name="Said">The discrepancy, with the values on each side, as a phrase.</param>
public sealed record Finding(FindingKind Kind, LocalDate Date, string Subject, Phrase Seen, Phrase Said)
{
    /// <summary>Where it was seen, in English: "notification 12", "database as of 2011-09-01".</summary>
    public string Evidence => Seen.English;

    /// <summary>The discrepancy in English, as the command line and the API give it.</summary>
    public string Message => Said.English;

    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd} {Subject}: {Message} ({Evidence})";
}
