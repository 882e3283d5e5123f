using NodaTime;

namespace Verity.Core.Treaties;

/// <summary>
/// A date a treaty names: a calendar date, or a period after entry into force (a draft has no entry into force
/// yet: "seven years after entry into force" is <c>P7Y</c> after it).
/// </summary>
/// <remarks>
/// A relative date is resolved once the entry into force is known (read from the file, or assumed by
/// <see cref="Treaty.AssumingEntryIntoForce"/>): <see cref="Date"/> is then set and
/// <see cref="AfterEntryIntoForce"/> keeps the original form. An unresolved relative date has no <see cref="Date"/>.
/// </remarks>
/// <param name="Date">The calendar date; <c>null</c> while a relative date is unresolved.</param>
/// <param name="AfterEntryIntoForce">The period after entry into force, for a relative date; <c>null</c> for a calendar date.</param>
public sealed record TreatyDate(LocalDate? Date, Period? AfterEntryIntoForce)
{
    /// <summary>A calendar date.</summary>
    public static TreatyDate On(LocalDate date) => new(date, null);

    /// <summary>A period after entry into force, not yet resolved.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public static TreatyDate After(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(null, period);
    }

    /// <summary>Whether the date is given relative to entry into force.</summary>
    public bool IsRelative => AfterEntryIntoForce is not null;

    /// <summary>Whether the calendar date is known.</summary>
    public bool IsResolved => Date is not null;

    /// <summary>The same date with a relative date resolved against <paramref name="entryIntoForce"/>; a calendar date is returned unchanged.</summary>
    public TreatyDate Resolve(LocalDate entryIntoForce) =>
        AfterEntryIntoForce is { } period ? new TreatyDate(entryIntoForce.Plus(period), period) : this;

    /// <summary>The calendar date.</summary>
    /// <exception cref="InvalidOperationException">The date is relative to an entry into force not yet assumed.</exception>
    public LocalDate Value => Date ?? throw new InvalidOperationException(
        $"the date {AfterEntryIntoForce} after entry into force is not resolved: assume an entry into force with Treaty.AssumingEntryIntoForce");

    /// <inheritdoc />
    public override string ToString() => (Date, AfterEntryIntoForce) switch
    {
        ({ } d, null) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ({ } d, { } p) => $"{d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} ({p} after entry into force)",
        (null, { } p) => $"{p} after entry into force",
        _ => "no date",
    };
}
