using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>Compliance over a range of dates: each limit's value and status at each date, from a ledger or one inventory.</summary>
public static class ComplianceTimeline
{
    /// <summary>
    /// The most dates a timeline holds, 10,000: every day of 27 years, every month of 833; the bound keeps the work a
    /// timeline asks for (one evaluation per date) to what a person or a program reads.
    /// </summary>
    public const int MaxDates = 10_000;

    /// <summary>The dates from <paramref name="from"/> to <paramref name="to"/> (both included) every <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The range is reversed, a date or the step is outside the supported dates, the step does not advance, or it gives more than <see cref="MaxDates"/> dates.
    /// </exception>
    public static ImmutableArray<LocalDate> Dates(LocalDate from, LocalDate to, Period step) =>
        TryDates(from, to, step, out var dates, out var problem) ? dates : throw new ArgumentException(problem, nameof(step));

    /// <summary>
    /// The dates from <paramref name="from"/> to <paramref name="to"/> (both included) every <paramref name="step"/>,
    /// or what is wrong: a range that is reversed or outside <see cref="SupportedDates"/>, a step longer than the
    /// supported span or that does not advance, or more than <see cref="MaxDates"/> dates (counted before any is evaluated).
    /// </summary>
    public static bool TryDates(LocalDate from, LocalDate to, Period step, out ImmutableArray<LocalDate> dates, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(step);
        dates = [];
        problem = !SupportedDates.Contains(from) ? SupportedDates.OutOfRange(from)
            : !SupportedDates.Contains(to) ? SupportedDates.OutOfRange(to)
            : to < from ? $"the range ends ({Iso(to)}) before it begins ({Iso(from)})"
            : !SupportedDates.Spans(step) ? SupportedDates.TooLong(step)
            : step.HasTimeComponent || from.Plus(step) <= from ? $"the step {step} does not advance the date by a day or more"
            : null;
        if (problem is not null)
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<LocalDate>();
        for (var date = from; date <= to; date = date.Plus(step))
        {
            if (builder.Count == MaxDates)
            {
                problem = $"every {step} from {Iso(from)} to {Iso(to)} gives more than {MaxDates:N0} dates: give a longer step or a shorter range";
                return false;
            }

            builder.Add(date);
        }

        dates = builder.ToImmutable();
        return true;
    }

    /// <summary>Evaluates every limit at each date, the items as of each date coming from <paramref name="ledger"/>.</summary>
    public static ImmutableArray<ComplianceReport> Evaluate(Treaty treaty, Ledger ledger, IEnumerable<LocalDate> dates, Interpretation interpretation, PartyCode? party = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return Evaluate(treaty, ledger.AsOf, dates, interpretation, party);
    }

    /// <summary>Evaluates every limit at each date over one inventory held fixed (only the treaty's lifecycle moves).</summary>
    public static ImmutableArray<ComplianceReport> Evaluate(Treaty treaty, Inventory inventory, IEnumerable<LocalDate> dates, Interpretation interpretation, PartyCode? party = null) =>
        Evaluate(treaty, _ => inventory, dates, interpretation, party);

    private static ImmutableArray<ComplianceReport> Evaluate(Treaty treaty, Func<LocalDate, Inventory> inventoryAt, IEnumerable<LocalDate> dates, Interpretation interpretation, PartyCode? party) =>
        [.. dates.Select(date => ComplianceEvaluator.Evaluate(treaty, inventoryAt(date), date, interpretation, party))];

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
