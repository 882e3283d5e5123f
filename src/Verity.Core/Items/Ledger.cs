using System.Collections.Immutable;
using NodaTime;

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
                problems.Add(new Diagnostic(source, 0, 0, $"events[{index}]", $"{e.Date:yyyy-MM-dd} {e.Uid}: {problem}"));
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
        var state = new Dictionary<string, Item>(StringComparer.Ordinal) { [item.Uid] = item };
        var problem = Apply(state, [], e);
        return problem is not null ? throw new ArgumentException(problem, nameof(e)) : state.GetValueOrDefault(item.Uid, item);
    }

    private static string? Apply(Dictionary<string, Item> state, Dictionary<string, ItemEvent> gone, ItemEvent e)
    {
        if (gone.TryGetValue(e.Uid, out var end))
        {
            return $"{e.Describe()} after the item was {end.Describe()} on {end.Date:yyyy-MM-dd}";
        }

        if (e is ItemProduced produced)
        {
            if (state.ContainsKey(e.Uid))
            {
                return "uid used twice: produced while an item with this uid exists";
            }

            state[e.Uid] = produced.Item;
            return null;
        }

        if (!state.TryGetValue(e.Uid, out var item))
        {
            return $"{e.Describe()} for an item never produced or declared";
        }

        if (e is WarheadsLoaded { Count: < 0 } or WarheadsRemoved { Count: < 0 })
        {
            return $"{e.Describe()}: a number of warheads is never negative";
        }

        switch (e)
        {
            case ItemDeployed deployed:
                state[e.Uid] = item with { Status = deployed.Status, Location = deployed.Location };
                break;
            case ItemMoved moved:
                state[e.Uid] = item with { Location = moved.Location };
                break;
            case ItemStatusChanged changed:
                state[e.Uid] = item with { Status = changed.Status };
                break;
            case WarheadsLoaded loaded:
                state[e.Uid] = item with { Warheads = checked(item.Warheads + loaded.Count) };
                break;
            case WarheadsRemoved removed when removed.Count > item.Warheads:
                return $"{removed.Count} warhead(s) removed from an item carrying {item.Warheads}";
            case WarheadsRemoved removed:
                state[e.Uid] = item with { Warheads = item.Warheads - removed.Count };
                break;
            case ItemConverted converted:
                state[e.Uid] = item with
                {
                    Status = converted.Status,
                    Kind = converted.NewKind ?? item.Kind,
                    Type = converted.NewType ?? item.Type,
                    Attributes = item.Attributes.SetItems(converted.Attributes),
                };
                break;
            case ItemEliminated or ItemLost:
                state.Remove(e.Uid);
                gone[e.Uid] = e;
                break;
            default:
                return $"unknown event {e.GetType().Name}";
        }

        return null;
    }
}
