using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Counting;
using Verity.Core.Forces;

namespace Verity.Core.Treaties;

/// <summary>
/// A numerical limit: what is counted (the rule), the ceiling schedule, whose forces, and from when. A limit of one
/// ceiling has one step; a phased reduction has several, in date order; a freeze has a step whose ceiling is the
/// scope's own level on a date.
/// </summary>
/// <param name="Id">The identifier used in reports and interpretations, such as <c>warheads</c>.</param>
/// <param name="Article">The provision that sets it, such as "Art. II.1(b)".</param>
/// <param name="Name">What it limits, in the treaty's words.</param>
/// <param name="Schedule">The ceiling's steps, at least one, in strictly increasing date order.</param>
/// <param name="Scope">Whose forces are counted.</param>
/// <param name="Rule">How items are counted.</param>
/// <param name="SourceId">The cited source.</param>
public sealed record Limit(string Id, string? Article, string Name, ImmutableArray<CeilingStep> Schedule, LimitScope Scope, CountingRule Rule, string? SourceId)
{
    /// <summary>A limit of one ceiling from one date.</summary>
    /// <param name="Id">The identifier.</param>
    /// <param name="Article">The provision.</param>
    /// <param name="Name">What it limits.</param>
    /// <param name="Ceiling">The maximum the counted value may reach.</param>
    /// <param name="Scope">Whose forces are counted.</param>
    /// <param name="Rule">How items are counted.</param>
    /// <param name="From">The date the limit takes effect.</param>
    /// <param name="SourceId">The cited source.</param>
    public Limit(string Id, string? Article, string Name, long Ceiling, LimitScope Scope, CountingRule Rule, LocalDate From, string? SourceId)
        : this(Id, Article, Name, [new CeilingStep(TreatyDate.On(From), Ceiling, null)], Scope, Rule, SourceId)
    {
    }

    /// <summary>Its name in other languages than English, by BCP 47 code (<c>ru</c>, <c>fa-AF</c>); the treaty's
    /// <see cref="Treaty.Translations"/> say on what authority each rests.</summary>
    public ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Its name in <paramref name="language"/>, or in English where the treaty gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language) ?? Name;

    /// <summary>What the limit measures, in the vocabulary of force estimates (<c>stockpile</c>, <c>deployed-strategic</c>, …), so limits of different drafts can be set side by side and projected; <c>null</c> when untagged.</summary>
    public ForceMeasure? Measure { get; init; }

    /// <summary>The date the limit takes effect: its first step's.</summary>
    /// <exception cref="InvalidOperationException">The date is relative to an entry into force not yet assumed.</exception>
    public LocalDate From => Schedule[0].From.Value;

    /// <summary>
    /// The final ceiling: the last step's maximum (for a single ceiling, the ceiling); <c>null</c> when the last step
    /// is a freeze, whose number depends on the party (see <see cref="CeilingAt(LocalDate, IEnumerable{PartyCode}, FreezeLevel?)"/>).
    /// </summary>
    public long? Ceiling => Schedule[^1].Max;

    /// <summary>Whether any step is a freeze.</summary>
    public bool HasFreeze => Schedule.Any(s => s.Freeze is not null);

    /// <summary>Whether every date of the schedule is known (no date relative to an entry into force not yet assumed).</summary>
    public bool IsResolved => Schedule.All(s => s.From.IsResolved && (s.Freeze is null || s.Freeze.AsOf.IsResolved));

    /// <summary>The step in force on a date, or <c>null</c> before the first.</summary>
    /// <exception cref="InvalidOperationException">The schedule's dates are relative to an entry into force not yet assumed.</exception>
    public CeilingStep? StepAt(LocalDate date)
    {
        CeilingStep? inForce = null;
        foreach (var step in Schedule)
        {
            if (step.From.Value > date)
            {
                break;
            }

            inForce = step;
        }

        return inForce;
    }

    /// <summary>The ceiling in force on a date: <c>null</c> before the first step, or when the step in force is a freeze.</summary>
    /// <exception cref="InvalidOperationException">The schedule's dates are relative to an entry into force not yet assumed.</exception>
    public long? CeilingAt(LocalDate date) => StepAt(date)?.Max;

    /// <summary>
    /// The ceiling in force on a date for the scope of <paramref name="members"/>, a freeze resolved by
    /// <paramref name="levels"/>: the sum of the members' levels of <see cref="Measure"/> on the freeze's date;
    /// <c>null</c> before the first step, or when a freeze cannot be resolved (no levels, no measure, a level unknown).
    /// </summary>
    /// <exception cref="InvalidOperationException">The schedule's dates are relative to an entry into force not yet assumed.</exception>
    public long? CeilingAt(LocalDate date, IEnumerable<PartyCode> members, FreezeLevel? levels)
    {
        ArgumentNullException.ThrowIfNull(members);
        var step = StepAt(date);
        if (step?.Max is { } max)
        {
            return max;
        }

        if (step?.Freeze is not { } freeze || levels is null || Measure is not { } measure)
        {
            return null;
        }

        long total = 0;
        foreach (var member in members)
        {
            if (levels(member, measure, freeze.AsOf.Value) is not { } level)
            {
                return null;
            }

            total = checked(total + level);
        }

        return total;
    }

    /// <summary>The limit with every date relative to entry into force resolved against <paramref name="entryIntoForce"/>.</summary>
    public Limit Resolve(LocalDate entryIntoForce) => this with { Schedule = [.. Schedule.Select(s => s.Resolve(entryIntoForce))] };
}
