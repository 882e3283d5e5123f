using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Core.Inspections;

/// <summary>
/// Inspection quotas and their use, derived: from a treaty's quotas per treaty year, its lifecycle acts (pauses,
/// exemptions, suspensions, withdrawals) and the inspections held, each party's quota per type per treaty year, how much
/// was used, what is left and where it stands on any date; and whether one more inspection is allowed, with the reason
/// when it is not. Pure: the record and the date are arguments.
/// </summary>
/// <remarks>
/// Treaty years run from the anniversaries of entry into force (<see cref="Treaty.TreatyYearOf"/>); the last one ends
/// on the treaty's last day in force. A quota is per inspecting party. A year's quota by type is known when the record
/// gives it, or when the year's total is 0 or equals the sum of the year's quotas (each type is then at its quota, as no
/// type may exceed its own); otherwise it is not published, never 0.
/// </remarks>
public static class InspectionQuotas
{
    /// <summary>Each party's quotas (or one party's), year by year up to <paramref name="asOf"/>, with the record's totals beside them.</summary>
    /// <exception cref="ArgumentException"><paramref name="party"/> is not a party to the treaty.</exception>
    public static QuotaReport AsOf(Treaty treaty, InspectionsHeld held, LocalDate asOf, PartyCode? party = null)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(held);
        if (party is { } named && !treaty.HasParty(named))
        {
            throw new ArgumentException($"{named} is not a party to {treaty.Name}", nameof(party));
        }

        var years = Years(treaty, asOf);
        var lastDay = LastDay(treaty);
        var restraintsOn = lastDay is { } l && asOf > l ? l : asOf;
        var parties = party is { } p ? [p] : treaty.Parties.Select(x => x.Code).ToList();
        return new QuotaReport(
            treaty.Id,
            asOf,
            [.. parties.Select(code => new PartyQuotas(
                code,
                [.. years.Select(y => Year(treaty, held, code, y.Year, y.Start, y.End, asOf))],
                years.Count == 0 ? [] : RestraintsOn(treaty, code, restraintsOn)))],
            Checks(treaty, held, asOf));
    }

    /// <summary>
    /// Whether one more inspection of <paramref name="type"/> by <paramref name="inspecting"/> of
    /// <paramref name="inspected"/> on <paramref name="date"/> is allowed: refused, with the reason, outside the
    /// treaty's life, before inspections may begin, while a pause, suspension, exemption or withdrawal stops it, and
    /// when the quota is used up; undetermined when its use so far is not known.
    /// </summary>
    public static QuotaDecision Decide(Treaty treaty, InspectionsHeld held, PartyCode inspecting, PartyCode inspected, string type, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(type);
        var year = treaty.TreatyYearOf(date);
        QuotaDecision Refused(string reason, QuotaLine? line = null, Restraint? cause = null) => new(DecisionOutcome.Refused, reason, year, line, cause);

        foreach (var p in new[] { inspecting, inspected })
        {
            if (!treaty.HasParty(p))
            {
                return Refused($"{p} is not a party to {treaty.Name}: its parties are {string.Join(", ", treaty.Parties.Select(x => x.Code))}");
            }
        }

        if (inspecting == inspected)
        {
            return Refused($"{inspecting} cannot inspect itself: an inspection is of another party's facilities");
        }

        var types = treaty.Inspections.Quotas.Select(q => q.Type).Distinct().ToList();
        if (!types.Contains(type))
        {
            return Refused(types.Count == 0
                ? $"{treaty.Name} sets no inspection quota"
                : $"unknown inspection type '{type}': {treaty.Name}'s are {string.Join(", ", types)}");
        }

        foreach (var p in new[] { inspecting, inspected })
        {
            var standing = treaty.StandingAt(date, p);
            if (standing is not (TreatyStanding.InForce or TreatyStanding.Suspended or TreatyStanding.Withdrawn))
            {
                return Refused(standing switch
                {
                    TreatyStanding.NotInForce => $"{treaty.Name} is not in force on {date:yyyy-MM-dd}" + (treaty.Dates.EntryIntoForceDate is { } e ? $": it entered into force on {e:yyyy-MM-dd}" : string.Empty),
                    TreatyStanding.Expired => $"{treaty.Name} is not in force on {date:yyyy-MM-dd}: it expired on {treaty.Expiry:yyyy-MM-dd}",
                    _ => $"{treaty.Name} is not in force on {date:yyyy-MM-dd}: it ended on {treaty.TerminatedOn:yyyy-MM-dd}",
                });
            }
        }

        if (treaty.Inspections.From is { } from && date < from)
        {
            return Refused($"inspections may take place from {from:yyyy-MM-dd}, after {date:yyyy-MM-dd}");
        }

        var restraint = RestraintsOn(treaty, inspecting, date).Where(r => r.Stops(inspecting, inspected)).OrderBy(r => r.Since).LastOrDefault();
        var quota = treaty.Inspections.Quotas.FirstOrDefault(q => q.Type == type && q.AppliesIn(year));
        var start = treaty.TreatyYearStart(year);
        var line = quota is null ? null : Year(treaty, held, inspecting, year, start, YearEnd(treaty, year), date).Types.First(t => t.Type == type);
        if (restraint is not null)
        {
            return Refused($"{inspecting} may not inspect {inspected}: {restraint.Describe()}", line, restraint);
        }

        if (quota is null || line is null)
        {
            return Refused($"no {type} quota of {treaty.Name} applies in treaty year {year}");
        }

        // Every inspection of the treaty year uses its quota, one dated after this one as much as one before: the year's
        // whole use where the record gives it, else its use up to the date.
        var span = $"treaty year {year} ({start:yyyy-MM-dd} to {YearEnd(treaty, year):yyyy-MM-dd})";
        var inYear = held.Count(inspecting, type, start, YearEnd(treaty, year));
        if ((inYear.IsKnown ? inYear.Value : line.Used.Value) is not { } used)
        {
            return new QuotaDecision(DecisionOutcome.Undetermined, $"the {type} inspections {inspecting} conducted in {span} up to {date:yyyy-MM-dd} are not known (not published): whether one of the {quota.PerYear} is left cannot be told", year, line, null);
        }

        if (used >= quota.PerYear)
        {
            return Refused($"the {type} quota of {inspecting} is used up: {used} of {quota.PerYear} in {span}", line);
        }

        return new QuotaDecision(DecisionOutcome.Allowed, $"within the {type} quota of {inspecting}: {used} of {quota.PerYear} used in {span}, {quota.PerYear - used - 1} left after this one", year, line, null);
    }

    /// <summary>The lifecycle acts in force on <paramref name="date"/> that stop some or all inspections conducted by <paramref name="inspecting"/>, oldest first.</summary>
    public static ImmutableArray<Restraint> RestraintsOn(Treaty treaty, PartyCode inspecting, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        var restraints = new List<Restraint>();
        Restraint Make(RestraintKind kind, LifecycleAct act, LocalDate since) =>
            new(kind, act.Party, since, act, treaty.Sources.FirstOrDefault(s => s.Id == act.SourceId));

        var acts = treaty.Lifecycle.Where(a => a.Date <= date).OrderBy(a => a.Date).ToList();
        var pause = acts.LastOrDefault(a => a.Party is null && a.Kind is LifecycleActKind.InspectionsPaused or LifecycleActKind.InspectionsResumed);
        if (pause?.Kind == LifecycleActKind.InspectionsPaused)
        {
            restraints.Add(Make(RestraintKind.Paused, pause, pause.Date));
        }

        foreach (var party in treaty.Parties.Select(p => p.Code))
        {
            var own = acts.Where(a => a.Party == party).ToList();
            var withdrawal = own.FirstOrDefault(a => treaty.StandingAt(date, party) == TreatyStanding.Withdrawn && a.Kind is LifecycleActKind.Withdrawal or LifecycleActKind.WithdrawalNotice);
            if (withdrawal is not null)
            {
                var effective = withdrawal.Kind == LifecycleActKind.Withdrawal ? withdrawal.Date : withdrawal.Date.Plus(treaty.Dates.WithdrawalNotice ?? Period.Zero);
                restraints.Add(Make(RestraintKind.Withdrawn, withdrawal, effective));
                continue;
            }

            var participation = own.LastOrDefault(a => a.Kind is LifecycleActKind.Suspension or LifecycleActKind.Resumption);
            if (participation?.Kind == LifecycleActKind.Suspension)
            {
                restraints.Add(Make(RestraintKind.Suspended, participation, participation.Date));
            }

            // An exemption closes the exempting party's facilities; it does not restrain that party's own inspections.
            var exemption = own.LastOrDefault(a => a.Kind is LifecycleActKind.InspectionsExempted or LifecycleActKind.InspectionsResumed);
            if (party != inspecting && exemption?.Kind == LifecycleActKind.InspectionsExempted)
            {
                restraints.Add(Make(RestraintKind.Exempted, exemption, exemption.Date));
            }
        }

        return [.. restraints.OrderBy(r => r.Since)];
    }

    private static QuotaYear Year(Treaty treaty, InspectionsHeld held, PartyCode party, int year, LocalDate start, LocalDate end, LocalDate asOf)
    {
        var over = asOf > end;
        var on = over ? end : asOf;
        var quotas = treaty.Inspections.Quotas.Where(q => q.AppliesIn(year)).ToList();
        var sum = quotas.Sum(q => q.PerYear);
        var total = held.Count(party, null, start, on);
        var types = quotas.Select(q =>
        {
            var used = held.Count(party, q.Type, start, on);
            if (!used.IsKnown && total.Value is { } t && (t == 0 || t == sum))
            {
                // No type exceeds its own quota, so a year's total of 0, or of the sum of its quotas, fixes each type's use.
                used = new HeldCount(t == 0 ? 0 : q.PerYear, CountBasis.Derived, total.Sources);
            }

            return used;
        }).ToList();
        if (!total.IsKnown && quotas.Count > 0 && types.All(t => t.IsKnown))
        {
            total = new HeldCount(types.Sum(t => t.Value!.Value), types.Max(t => t.Basis), [.. types.SelectMany(t => t.Sources).Distinct()]);
        }

        var restraints = RestraintsOn(treaty, party, on);
        QuotaLine Line(string? type, string name, int quota, HeldCount used, string? source)
        {
            var (state, cause) = State(treaty, party, on, over, used, quota, restraints);
            return new QuotaLine(type, name, quota, used, state, cause, source);
        }

        return new QuotaYear(
            year,
            start,
            end,
            on,
            over,
            [.. quotas.Select((q, i) => Line(q.Type, q.Name, q.PerYear, types[i], q.SourceId))],
            Line(null, "All types", sum, total, null));
    }

    /// <summary>
    /// Where a quota stands: outside the treaty's life or before inspections begin; else the latest of the acts that stop
    /// all of the party's inspections (its own suspension, a pause, or every party it could inspect suspended, exempted or
    /// withdrawn); else exhausted, closed or open.
    /// </summary>
    private static (QuotaState, Restraint?) State(Treaty treaty, PartyCode party, LocalDate on, bool over, HeldCount used, int quota, ImmutableArray<Restraint> restraints)
    {
        if (treaty.StandingAt(on, party) is not (TreatyStanding.InForce or TreatyStanding.Suspended))
        {
            return (QuotaState.NotInForce, null);
        }

        if (treaty.Inspections.From is { } from && on < from)
        {
            return (QuotaState.NotStarted, null);
        }

        var stopping = restraints.Where(r => r.Kind == RestraintKind.Paused || (r.Kind == RestraintKind.Suspended && r.Party == party)).ToList();
        var others = treaty.Parties.Select(p => p.Code).Where(c => c != party).ToList();
        var lastOfEach = others.Select(o => restraints.Where(r => r.Party == o && r.Stops(party, o)).OrderBy(r => r.Since).LastOrDefault()).ToList();
        if (others.Count > 0 && lastOfEach.All(r => r is not null))
        {
            // Every other party is closed to this one: since the last of them closed.
            stopping.Add(lastOfEach.OrderBy(r => r!.Since).Last()!);
        }

        if (stopping.OrderBy(r => r.Since).LastOrDefault() is { } cause)
        {
            return (cause.Kind switch
            {
                RestraintKind.Paused => QuotaState.Paused,
                RestraintKind.Exempted => QuotaState.Exempted,
                RestraintKind.Suspended => QuotaState.Suspended,
                _ => QuotaState.NotInForce,
            }, cause);
        }

        if (used.Value >= quota)
        {
            return (QuotaState.Exhausted, null);
        }

        return (over ? QuotaState.Closed : QuotaState.Open, null);
    }

    private static ImmutableArray<RecordCheck> Checks(Treaty treaty, InspectionsHeld held, LocalDate asOf)
    {
        var checks = ImmutableArray.CreateBuilder<RecordCheck>();
        if (!treaty.Dates.HasEntryIntoForce)
        {
            return checks.ToImmutable();
        }

        foreach (var row in held.Rows.Where(r => r.Count > 0 && r.To <= asOf))
        {
            var first = Math.Max(1, treaty.TreatyYearOf(row.From));
            var last = treaty.TreatyYearOf(row.To);
            if (last < first || (row.Parties.Length == 1 && first == last))
            {
                continue;
            }

            var full = 0;
            int? known = null;
            for (var y = first; y <= last; y++)
            {
                full = checked(full + (row.Parties.Length * treaty.Inspections.TotalPerYear(y)));
                var start = treaty.TreatyYearStart(y);
                var end = YearEnd(treaty, y);
                if (start < row.From || end > row.To)
                {
                    continue;
                }

                foreach (var party in row.Parties.Where(treaty.HasParty))
                {
                    if (held.Count(party, null, start, end).Value is { } n)
                    {
                        known = checked((known ?? 0) + n);
                    }
                }
            }

            checks.Add(new RecordCheck(row, first, last, full, known));
        }

        return checks.ToImmutable();
    }

    /// <summary>The treaty years up to the date (or to the treaty's last day in force), with their first and last days.</summary>
    private static List<(int Year, LocalDate Start, LocalDate End)> Years(Treaty treaty, LocalDate asOf)
    {
        var years = new List<(int, LocalDate, LocalDate)>();
        if (!treaty.Dates.HasEntryIntoForce || treaty.Inspections.Quotas.IsDefaultOrEmpty || asOf < treaty.Dates.EntryIntoForce)
        {
            return years;
        }

        var until = LastDay(treaty) is { } last && asOf > last ? last : asOf;
        for (var y = 1; y <= treaty.TreatyYearOf(until); y++)
        {
            years.Add((y, treaty.TreatyYearStart(y), YearEnd(treaty, y)));
        }

        return years;
    }

    private static LocalDate YearEnd(Treaty treaty, int year)
    {
        var end = treaty.TreatyYearStart(year + 1).PlusDays(-1);
        return LastDay(treaty) is { } last && last < end ? last : end;
    }

    /// <summary>The treaty's last day in force for all parties: the day before it expired or ended; <c>null</c> without end.</summary>
    private static LocalDate? LastDay(Treaty treaty)
    {
        LocalDate? end = (treaty.Expiry, treaty.TerminatedOn) switch
        {
            ({ } e, { } t) => e < t ? e : t,
            ({ } e, null) => e,
            (null, var t) => t,
        };
        return end?.PlusDays(-1);
    }
}
