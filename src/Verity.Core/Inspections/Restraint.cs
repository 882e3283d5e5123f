using NodaTime;
using Verity.Core.Treaties;

namespace Verity.Core.Inspections;

/// <summary>A lifecycle act in force on a date that stops some or all inspections, with its source.</summary>
/// <param name="Kind">What it stops.</param>
/// <param name="Party">The party acting (the one suspending, exempting or withdrawing); <c>null</c> for a pause of all parties.</param>
/// <param name="Since">The date it took effect.</param>
/// <param name="Act">The act, as the treaty file records it.</param>
/// <param name="Source">The act's source, where the treaty file lists it.</param>
public sealed record Restraint(RestraintKind Kind, PartyCode? Party, LocalDate Since, LifecycleAct Act, Source? Source)
{
    /// <summary>Whether it stops inspections conducted by <paramref name="inspecting"/> of <paramref name="inspected"/>.</summary>
    public bool Stops(PartyCode inspecting, PartyCode inspected) => Kind switch
    {
        RestraintKind.Paused => true,
        RestraintKind.Exempted => Party == inspected,
        _ => Party == inspecting || Party == inspected,
    };

    /// <summary>What it is, in a few words: "RU exempted its facilities from inspection on 2022-08-08".</summary>
    public string Summary => Kind switch
    {
        RestraintKind.Paused => $"inspections paused by agreement of all parties on {Since:yyyy-MM-dd}",
        RestraintKind.Suspended => $"{Party} suspended its participation on {Since:yyyy-MM-dd}",
        RestraintKind.Exempted => $"{Party} exempted its facilities from inspection on {Since:yyyy-MM-dd}",
        _ => $"{Party} withdrew, effective {Since:yyyy-MM-dd}",
    };

    /// <summary>In words, with the act's own text and its source: "RU exempted its facilities from inspection on 2022-08-08 (…; source: …)".</summary>
    public string Describe()
    {
        var what = Summary;
        var details = new[] { Act.Text, Source is { } s ? $"source: {s.Title}, {s.Url}" : Act.SourceId is { } id ? $"source: {id}" : null }
            .Where(d => !string.IsNullOrEmpty(d)).ToList();
        return details.Count == 0 ? what : $"{what} ({string.Join("; ", details)})";
    }
}
