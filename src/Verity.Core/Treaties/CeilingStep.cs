namespace Verity.Core.Treaties;

/// <summary>One step of a limit's ceiling schedule: from a date, at most <see cref="Max"/>, or frozen at the party's level.</summary>
/// <param name="From">The date the step takes effect.</param>
/// <param name="Max">The ceiling; <c>null</c> for a freeze.</param>
/// <param name="Freeze">The freeze that sets the ceiling, for a step without <see cref="Max"/>.</param>
public sealed record CeilingStep(TreatyDate From, long? Max, Freeze? Freeze)
{
    /// <summary>The step with its dates resolved against an entry into force.</summary>
    public CeilingStep Resolve(NodaTime.LocalDate entryIntoForce) => new(From.Resolve(entryIntoForce), Max, Freeze?.Resolve(entryIntoForce));
}
