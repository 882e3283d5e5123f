using NodaTime;

namespace Verity.Core.Treaties;

public sealed partial record Treaty
{
    /// <summary>
    /// The first day the treaty is no longer in force by the running out of its term: entry into force plus
    /// duration (or the fixed expiry), extended by each extension agreed before it; <c>null</c> for unlimited duration.
    /// </summary>
    /// <remarks>New START: 2011-02-05 + 10 years = 2021-02-05, + 5 years by the 2021 extension = 2026-02-05.</remarks>
    public LocalDate? Expiry
    {
        get
        {
            LocalDate? expiry = Dates.Expiry ?? (Dates.Duration is { } duration && Dates.EntryIntoForceDate is { } entry ? entry.Plus(duration) : null);
            if (expiry is null)
            {
                return null;
            }

            foreach (var act in Lifecycle.Where(a => a.Kind == LifecycleActKind.Extension).OrderBy(a => a.Date))
            {
                if (act.Date < expiry && act.Period is { } period)
                {
                    expiry = expiry.Value.Plus(period);
                }
            }

            return expiry;
        }
    }

    /// <summary>The date the treaty ended for all parties before its term ran out, or <c>null</c>.</summary>
    public LocalDate? TerminatedOn
    {
        get
        {
            LocalDate? ended = null;
            foreach (var act in Lifecycle)
            {
                LocalDate? end = act.Kind switch
                {
                    LifecycleActKind.Termination => act.Date,
                    _ when Parties.Length == 2 => WithdrawalEffective(act),
                    _ => null,
                };
                if (end is { } e && (ended is null || e < ended))
                {
                    ended = e;
                }
            }

            return ended;
        }
    }

    /// <summary>
    /// The first day the treaty is no longer in force for all its parties: the day it ended (a termination, or a
    /// withdrawal taking effect from a two-party treaty) when that comes before its term runs out, else
    /// <see cref="Expiry"/>; <c>null</c> while neither is known (unlimited duration, never ended).
    /// </summary>
    /// <remarks>The day before it is the treaty's last day in force, where <see cref="StandingAt"/> is still
    /// <see cref="TreatyStanding.InForce"/> (for a treaty in force by then). New START: 2026-02-05.</remarks>
    public LocalDate? End => TerminatedOn is { } terminated && (Expiry is not { } expiry || terminated < expiry) ? terminated : Expiry;

    /// <summary>Where the treaty stands on a date, for one party or (with <c>null</c>) for the treaty as a whole.</summary>
    /// <remarks>A proposal with no entry into force (none assumed) is not in force on any date.</remarks>
    public TreatyStanding StandingAt(LocalDate date, PartyCode? party = null)
    {
        if (Dates.EntryIntoForceDate is not { } entry || date < entry)
        {
            return TreatyStanding.NotInForce;
        }

        if (TerminatedOn is { } terminated && date >= terminated && (Expiry is not { } e || terminated < e))
        {
            return TreatyStanding.Terminated;
        }

        if (Expiry is { } expiry && date >= expiry)
        {
            return TreatyStanding.Expired;
        }

        if (party is { } p)
        {
            if (Lifecycle.Any(a => a.Party == p && WithdrawalEffective(a) is { } w && date >= w))
            {
                return TreatyStanding.Withdrawn;
            }

            if (IsSuspended(date, p))
            {
                return TreatyStanding.Suspended;
            }
        }

        return TreatyStanding.InForce;
    }

    /// <summary>The 1-based treaty year a date falls in (years run from the anniversary of entry into force), or 0 before entry into force.</summary>
    public int TreatyYearOf(LocalDate date)
    {
        if (Dates.EntryIntoForceDate is not { } entry || date < entry)
        {
            return 0;
        }

        var years = Period.Between(entry, date, PeriodUnits.Years).Years;
        return years + 1;
    }

    /// <summary>The first day of a 1-based treaty year.</summary>
    public LocalDate TreatyYearStart(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        return Dates.EntryIntoForce.PlusYears(year - 1);
    }

    private bool IsSuspended(LocalDate date, PartyCode party)
    {
        var suspended = false;
        foreach (var act in Lifecycle.Where(a => a.Party == party && a.Date <= date).OrderBy(a => a.Date))
        {
            if (act.Kind == LifecycleActKind.Suspension)
            {
                suspended = true;
            }
            else if (act.Kind == LifecycleActKind.Resumption)
            {
                suspended = false;
            }
        }

        return suspended;
    }

    private LocalDate? WithdrawalEffective(LifecycleAct act) => act.Kind switch
    {
        LifecycleActKind.Withdrawal => act.Date,
        LifecycleActKind.WithdrawalNotice => act.Date.Plus(Dates.WithdrawalNotice ?? Period.Zero),
        _ => null,
    };
}
