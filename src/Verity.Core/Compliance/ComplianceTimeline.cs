using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;
using Verity.Core.Treaties;

namespace Verity.Core.Compliance;

/// <summary>Compliance over a range of dates: each limit's value and status at each date, from a ledger or one inventory.</summary>
public static class ComplianceTimeline
{
    /// <summary>The dates from <paramref name="from"/> to <paramref name="to"/> (both included) every <paramref name="step"/>.</summary>
    /// <exception cref="ArgumentException">The range is reversed or the step does not advance.</exception>
    public static ImmutableArray<LocalDate> Dates(LocalDate from, LocalDate to, Period step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (to < from)
        {
            throw new ArgumentException($"the range ends ({to:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd})", nameof(to));
        }

        if (from.Plus(step) <= from)
        {
            throw new ArgumentException($"the step {step} does not advance the date", nameof(step));
        }

        var dates = ImmutableArray.CreateBuilder<LocalDate>();
        for (var date = from; date <= to; date = date.Plus(step))
        {
            dates.Add(date);
        }

        return dates.ToImmutable();
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
}
