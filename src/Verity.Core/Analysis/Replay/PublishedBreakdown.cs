using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Analysis.Replay;

/// <summary>A published count of one party's items of a kind (and type) in some statuses, as of a date.</summary>
/// <param name="Date">The date.</param>
/// <param name="Party">The party.</param>
/// <param name="Kind">The item kind.</param>
/// <param name="Type">The type, or <c>null</c> for every type of the kind.</param>
/// <param name="Statuses">The statuses counted together, such as non-deployed and test.</param>
/// <param name="Count">The published count.</param>
/// <param name="Source">Where it was published.</param>
public sealed record PublishedBreakdown(LocalDate Date, PartyCode Party, string Kind, string? Type, ImmutableArray<string> Statuses, int Count, string Source)
{
    /// <summary>Counts the matching items of an inventory.</summary>
    public int CountIn(Items.Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return inventory.Count(i => i.Party == Party && i.Kind == Kind && (Type is null || i.Type == Type) && Statuses.Contains(i.Status));
    }

    /// <summary>A readable label, such as "US heavy-bomber B-2A non-deployed|test".</summary>
    public string Label => $"{Party} {Kind}{(Type is null ? string.Empty : " " + Type)} {string.Join("|", Statuses)}";
}
