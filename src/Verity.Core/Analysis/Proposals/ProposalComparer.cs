using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Compliance;
using Verity.Core.Forces;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Analysis.Proposals;

/// <summary>
/// Sets a draft's limits against projected forces: for every party and group and every limit, the projected value
/// (p10 / p50 / p90 over the trials) against the ceiling in force, the margin, the cut required and the year the
/// median path first breaks the ceiling.
/// </summary>
/// <remarks>
/// Pure: the projections and the levels a freeze rests on come in as functions. A group's value in a trial is the sum
/// of its members' values in that trial, so its percentiles are those of the sum, not sums of percentiles. A member
/// without a projection of the measure makes the value unknown (<see cref="ComparisonStatus.NoData"/>), never a
/// partial sum.
/// </remarks>
public static class ProposalComparer
{
    /// <summary>Compares one draft.</summary>
    /// <param name="draft">The draft (or any treaty); a draft without entry into force is read with the one assumed.</param>
    /// <param name="settings">The year, the assumed entry into force, the horizon.</param>
    /// <param name="project">A state's measure projected, or <c>null</c> when there are no estimates to project it from.</param>
    /// <param name="levelOn">A state's level of a measure on a date, as the estimates give it (for a freeze).</param>
    public static DraftComparison Compare(
        Treaty draft,
        ComparisonSettings settings,
        Func<PartyCode, ForceMeasure, Projection?> project,
        Func<PartyCode, ForceMeasure, LocalDate, ForceFigure> levelOn)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(levelOn);

        var treaty = draft.Dates.HasEntryIntoForce ? draft : draft.AssumingEntryIntoForce(settings.EntryIntoForce);
        var rows = ImmutableArray.CreateBuilder<LimitComparison>();
        foreach (var limit in treaty.Limits)
        {
            foreach (var (scope, members) in Scopes(treaty, limit))
            {
                rows.Add(CompareOne(treaty, limit, scope, members, settings, project, levelOn));
            }
        }

        return new DraftComparison(draft.Id, draft.Name, treaty.Dates.EntryIntoForce, !draft.Dates.HasEntryIntoForce, rows.ToImmutable()) { Names = draft.Names };
    }

    private static IEnumerable<(string Scope, ImmutableArray<PartyCode> Members)> Scopes(Treaty treaty, Limit limit) => limit.Scope switch
    {
        LimitScope.EachPartyScope => treaty.Parties.Select(p => (p.Code.Value, ImmutableArray.Create(p.Code))),
        LimitScope.PartyScope ps => [(ps.Party.Value, [ps.Party])],
        LimitScope.GroupScope gs => [("group:" + gs.GroupId, treaty.FindGroup(gs.GroupId)?.Members ?? [])],
        _ => [],
    };

    private static LimitComparison CompareOne(
        Treaty treaty,
        Limit limit,
        string scope,
        ImmutableArray<PartyCode> members,
        ComparisonSettings settings,
        Func<PartyCode, ForceMeasure, Projection?> project,
        Func<PartyCode, ForceMeasure, LocalDate, ForceFigure> levelOn)
    {
        var row = new LimitComparison(limit.Id, limit.Name, scope, members, null, null, null, null, null, null, null, null, null, ComparisonStatus.NoData, null) { Names = limit.Names };
        if (limit.Measure is not { } measure)
        {
            return row with { Note = Wordings.CompareNoMeasure.With() };
        }

        var date = ComparisonSettings.DateOf(settings.Year);
        var standing = treaty.StandingAt(date);
        var notYet = standing == TreatyStanding.NotInForce || limit.StepAt(date) is null;

        // Not yet in effect: the ceiling that will first apply, so that the cut it will require is shown with its date.
        var ceilingDate = notYet && limit.Schedule.Select(s => s.From.Value).Append(treaty.Dates.EntryIntoForce).Max() is var first && first > date ? first : date;
        var ceiling = CeilingOn(limit, members, measure, ceilingDate, levelOn);
        row = row with { Measure = measure, Max = ceiling.Max, CeilingBasis = ceiling.Basis };

        var projections = new List<Projection>();
        foreach (var member in members)
        {
            if (project(member, measure) is not { } projection || !projection.Covers(settings.Year))
            {
                return row with { Note = Wordings.CompareNoProjection.With(PhraseValue.Measure(measure.Value), member.Value, PhraseValue.Year(settings.Year)) };
            }

            projections.Add(projection);
        }

        var path = SumPath(projections, settings.Horizon);
        if (path.FirstOrDefault(p => p.Year == settings.Year) is not { } point)
        {
            return row with { Note = Wordings.CompareNoCover.With(PhraseValue.Measure(measure.Value), PhraseValue.Year(settings.Year), scope) };
        }

        row = row with
        {
            P10 = point.P10,
            P50 = point.P50,
            P90 = point.P90,
            Path = path,
            BreaksIn = BreaksIn(treaty, limit, members, measure, path, levelOn),
        };

        if (standing is TreatyStanding.Expired or TreatyStanding.Terminated or TreatyStanding.Withdrawn)
        {
            var ended = standing switch
            {
                TreatyStanding.Expired => Wordings.CompareExpired,
                TreatyStanding.Terminated => Wordings.CompareTerminated,
                _ => Wordings.CompareWithdrawn,
            };
            return row with { Max = null, CeilingBasis = null, Status = ComparisonStatus.Expired, Note = ended.With(PhraseValue.Name(treaty.Name, treaty.Names.Select(n => KeyValuePair.Create(n.Key, n.Value.Name))), date) };
        }

        if (ceiling.Max is not { } max)
        {
            return row with { Status = notYet ? ComparisonStatus.NotYetInEffect : ComparisonStatus.NoData, Note = ceiling.Why ?? Wordings.CompareNoCeiling.With(date) };
        }

        var margin = max - row.P50!.Value;
        return row with
        {
            Margin = margin,
            Cut = Math.Max(0, -margin),
            Status = notYet ? ComparisonStatus.NotYetInEffect : margin < 0 ? ComparisonStatus.Exceeds : ComparisonStatus.Within,
            Note = notYet ? Wordings.CompareNotYet.With(date, ceilingDate) : null,
        };
    }

    /// <summary>The ceiling in force on a date — the draft's figure or step, or a freeze at the members' own level —
    /// with what it rests on, and why it is unknown when it cannot be resolved.</summary>
    private static (long? Max, Phrase Basis, Phrase? Why) CeilingOn(
        Limit limit, ImmutableArray<PartyCode> members, ForceMeasure measure, LocalDate date, Func<PartyCode, ForceMeasure, LocalDate, ForceFigure> levelOn)
    {
        var phased = (limit.Schedule.Length > 1 ? Wordings.CeilingPhased : Wordings.CeilingDraft).With();
        if (limit.StepAt(date) is not { } step)
        {
            return (null, phased, null);
        }

        if (step.Max is { } max)
        {
            return (max, Wordings.CeilingFrom.With(phased, step.From.Value), null);
        }

        if (step.Freeze is not { } freeze)
        {
            return (null, phased, Wordings.CeilingNoStep.With());
        }

        var on = freeze.AsOf.Value;
        long sum = 0;
        var origins = new List<Phrase>();
        foreach (var member in members)
        {
            var figure = levelOn(member, measure, on);
            if (figure.Value is not { } level)
            {
                var reason = (figure.IsUndisclosed ? Wordings.CeilingUndisclosed : Wordings.CeilingNoEstimate).With();
                return (null, Wordings.CeilingFreeze.With(on), Wordings.CeilingUnknown.With(member.Value, PhraseValue.Measure(measure.Value), on, reason));
            }

            sum = checked(sum + level);
            origins.Add(Wordings.CeilingLevel.With(member.Value, PhraseValue.Amount(level, decimals: 0), figure.Picked!.Origin));
        }

        return (sum, Wordings.CeilingFreezeRows.With(on, PhraseValue.List(origins, semicolons: true)), null);
    }

    private static int? BreaksIn(
        Treaty treaty,
        Limit limit,
        ImmutableArray<PartyCode> members,
        ForceMeasure measure,
        ImmutableArray<ProjectedYear> path,
        Func<PartyCode, ForceMeasure, LocalDate, ForceFigure> levelOn)
    {
        foreach (var point in path)
        {
            var date = ComparisonSettings.DateOf(point.Year);
            if (treaty.StandingAt(date) is not (TreatyStanding.InForce or TreatyStanding.Suspended))
            {
                continue;
            }

            if (CeilingOn(limit, members, measure, date, levelOn).Max is { } ceiling && point.P50 > ceiling)
            {
                return point.Year;
            }
        }

        return null;
    }

    /// <summary>
    /// The members' projections summed trial by trial, year by year over the years all of them cover, to the horizon:
    /// p10 / p50 / p90 of the sum, and the sum of the central paths.
    /// </summary>
    private static ImmutableArray<ProjectedYear> SumPath(List<Projection> projections, int horizon)
    {
        var first = projections.Max(p => p.FirstYear);
        var last = Math.Min(horizon, projections.Min(p => p.Horizon));
        if (projections.Count == 1)
        {
            // One member: the sum is its own projection, whose percentiles are already those of its trials.
            return [.. projections[0].Points.Where(p => p.Year <= last)];
        }

        var path = ImmutableArray.CreateBuilder<ProjectedYear>(Math.Max(0, last - first + 1));
        for (var year = first; year <= last; year++)
        {
            var sum = projections[0].SamplesOf(year).ToArray();
            foreach (var other in projections.Skip(1))
            {
                var samples = other.SamplesOf(year);
                if (samples.Length != sum.Length)
                {
                    throw new ArgumentException($"projections of {projections[0].State} and {other.State} have {sum.Length} and {samples.Length} trials: a sum needs the same trials", nameof(projections));
                }

                for (var t = 0; t < sum.Length; t++)
                {
                    sum[t] += samples[t];
                }
            }

            Array.Sort(sum);
            var y = year;
            path.Add(new ProjectedYear(year, projections.Sum(p => p[y].Central), Percentile.OfSorted(sum, 0.10), Percentile.OfSorted(sum, 0.50), Percentile.OfSorted(sum, 0.90)));
        }

        return path.ToImmutable();
    }
}
