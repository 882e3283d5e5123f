using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>
/// The record of every item's history: dated events, applied in order, giving a party's forces as of any date.
/// </summary>
/// <remarks>
/// Construction checks that the history is possible (a uid produced once, no event before an item exists or
/// after it is eliminated or lost, warheads never below zero) and reports every impossibility at once.
/// Eliminated and lost items leave the snapshot from the date of the event.
/// </remarks>
public sealed class Ledger
{
    private readonly ImmutableArray<ItemEvent> _events;

    private Ledger(ImmutableArray<ItemEvent> events) => _events = events;

    /// <summary>Every event, in the order applied (by date, then as given).</summary>
    public ImmutableArray<ItemEvent> Events => _events;

    /// <summary>The date of the first event, or <c>null</c> when there is none.</summary>
    public LocalDate? Start => _events.IsEmpty ? null : _events[0].Date;

    /// <summary>Orders the events by date (keeping the given order within a date) and checks the history is possible.</summary>
    /// <param name="events">The events.</param>
    /// <param name="source">What to name in diagnostics, such as the file the events came from.</param>
    /// <exception cref="InputException">The history is impossible; every problem is listed.</exception>
    public static Ledger Create(IEnumerable<ItemEvent> events, string source = "ledger")
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Date).ThenBy(x => x.i).Select(x => x.e).ToImmutableArray();
        var problems = new List<Diagnostic>();
        var state = new Dictionary<string, Item>(StringComparer.Ordinal);
        var gone = new Dictionary<string, ItemEvent>(StringComparer.Ordinal);
        for (var index = 0; index < ordered.Length; index++)
        {
            var e = ordered[index];
            var problem = Apply(state, gone, e);
            if (problem is not null)
            {
                problems.Add(new Diagnostic(source, 0, 0, $"events[{index}]", $"{e.Date:yyyy-MM-dd} {e.Uid}: {problem.English}"));
            }
        }

        return problems.Count > 0 ? throw new InputException(problems) : new Ledger(ordered);
    }

    /// <summary>Every item in the record as of the end of <paramref name="date"/>, eliminated and lost items left out.</summary>
    public Inventory AsOf(LocalDate date)
    {
        var state = new Dictionary<string, Item>(StringComparer.Ordinal);
        var gone = new Dictionary<string, ItemEvent>(StringComparer.Ordinal);
        foreach (var e in _events)
        {
            if (e.Date > date)
            {
                break;
            }

            Apply(state, gone, e);
        }

        return Inventory.From(state.Values);
    }

    /// <summary>The events of one item, in order; empty when the uid is unknown.</summary>
    public ImmutableArray<ItemEvent> History(string uid) => [.. _events.Where(e => e.Uid == uid)];

    /// <summary>An item's state after one event (eliminated and lost items keep their last state).</summary>
    /// <exception cref="ArgumentException">The event cannot apply to the item.</exception>
    public static Item ApplyTo(Item item, ItemEvent e)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TryApply(item, e, out var after, out var problem) ? after : throw new ArgumentException(problem.English, nameof(e));
    }

    /// <summary>
    /// The one transition of an item's state: the state after <paramref name="e"/> applies to <paramref name="item"/>
    /// (<c>null</c> for an item not yet produced), or why it cannot. Every view of items takes its changes through here:
    /// the ledger's history, the obligations it gives, and the reconciliation of notified changes.
    /// </summary>
    /// <remarks>
    /// A change must change something and start where its kind says: a production needs an unknown uid; a deployment
    /// an item that is not deployed; a move another place; a status change another status; a conversion another
    /// status, kind, type or attribute. Eliminated and lost items keep their last state in <paramref name="after"/>.
    /// </remarks>
    /// <returns>Whether the event can apply.</returns>
    public static bool TryApply(Item? item, ItemEvent e, [NotNullWhen(true)] out Item? after, [NotNullWhen(false)] out Phrase? problem)
    {
        ArgumentNullException.ThrowIfNull(e);
        after = null;
        problem = Transition(item, e, ref after);
        return problem is null;
    }

    private static Phrase? Apply(Dictionary<string, Item> state, Dictionary<string, ItemEvent> gone, ItemEvent e)
    {
        if (gone.TryGetValue(e.Uid, out var end))
        {
            return Wordings.AfterEnd.With(e.Description, end.Description, end.Date);
        }

        Item? after = null;
        var problem = Transition(state.GetValueOrDefault(e.Uid), e, ref after);
        if (problem is not null)
        {
            return problem;
        }

        if (e is ItemEliminated or ItemLost)
        {
            state.Remove(e.Uid);
            gone[e.Uid] = e;
        }
        else
        {
            state[e.Uid] = after!;
        }

        return null;
    }

    private static Phrase? Transition(Item? item, ItemEvent e, ref Item? after)
    {
        if (e is ItemProduced produced)
        {
            if (item is not null)
            {
                return Wordings.UidUsedTwice.With();
            }

            after = produced.Item;
            return null;
        }

        if (item is null)
        {
            return Wordings.NeverProduced.With(e.Description);
        }

        if (e is WarheadsLoaded { Count: < 0 } or WarheadsRemoved { Count: < 0 })
        {
            return Wordings.NegativeWarheads.With(e.Description);
        }

        switch (e)
        {
            case ItemDeployed deployed when item.Status == deployed.Status:
                return Wordings.AlreadyDeployed.With(deployed.Location, PhraseValue.Status(item.Status), item.Location);
            case ItemDeployed deployed:
                after = item with { Status = deployed.Status, Location = deployed.Location };
                break;
            case ItemMoved moved when moved.Location == item.Location:
                return Wordings.AlreadyThere.With(moved.Location);
            case ItemMoved moved:
                after = item with { Location = moved.Location };
                break;
            case ItemStatusChanged changed when changed.Status == item.Status:
                return Wordings.SameStatus.With(PhraseValue.Status(changed.Status));
            case ItemStatusChanged changed:
                after = item with { Status = changed.Status };
                break;
            case WarheadsLoaded loaded:
                after = item with { Warheads = checked(item.Warheads + loaded.Count) };
                break;
            case WarheadsRemoved removed when removed.Count > item.Warheads:
                return Wordings.TooManyRemoved.With(removed.Count, item.Warheads);
            case WarheadsRemoved removed:
                after = item with { Warheads = item.Warheads - removed.Count };
                break;
            case ItemConverted converted:
                after = item with
                {
                    Status = converted.Status,
                    Kind = converted.NewKind ?? item.Kind,
                    Type = converted.NewType ?? item.Type,
                    Attributes = item.Attributes.SetItems(converted.Attributes),
                };
                if (after.Status == item.Status && after.Kind == item.Kind && after.Type == item.Type
                    && after.Attributes.Count == item.Attributes.Count && after.Attributes.All(a => item.Attributes.GetValueOrDefault(a.Key) == a.Value))
                {
                    after = null;
                    return Wordings.NoConversion.With(PhraseValue.Status(converted.Status), PhraseValue.Status(item.Status), PhraseValue.Kind(item.Kind), item.Type);
                }

                break;
            case ItemEliminated or ItemLost:
                after = item;
                break;
            default:
                return Wordings.UnknownEvent.With(e.GetType().Name);
        }

        return null;
    }
}
