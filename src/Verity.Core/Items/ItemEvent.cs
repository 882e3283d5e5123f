using NodaTime;
using Verity.Core.Text;

namespace Verity.Core.Items;

/// <summary>A dated change to one item. A <see cref="Ledger"/> applies events in date order to give the state as of any date.</summary>
/// <remarks>Events on one date apply in the order given. An event dated D is in effect as of D.</remarks>
public abstract record ItemEvent(LocalDate Date, string Uid)
{
    /// <summary>The event's kind, as treaty files name it in notification triggers: <c>produced</c>, <c>deployed</c>, <c>moved</c>, <c>status-changed</c>, <c>warheads-loaded</c>, <c>warheads-removed</c>, <c>converted</c>, <c>eliminated</c>, <c>lost</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>A short name of the event for people and traces, such as "status changed to non-deployed".</summary>
    public string Describe() => Description.English;

    /// <summary>The event as a phrase, for a renderer to word in any language (<see cref="Describe"/> is its English).</summary>
    public abstract Phrase Description { get; }
}
