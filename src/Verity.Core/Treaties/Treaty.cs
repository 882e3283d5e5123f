using System.Collections.Immutable;

namespace Verity.Core.Treaties;

/// <summary>
/// A treaty as data: its parties and groups, dates and lifecycle, the kinds and statuses of items it
/// governs, its limits with their counting rules, its inspection quotas and its interpretations.
/// </summary>
/// <remarks>
/// Built by <see cref="Loading.TreatyReader"/> from a validated file; every cross-reference (a group's
/// members, a limit's scope, a rule's kinds and statuses, an overlay's limit) resolves.
/// </remarks>
public sealed partial record Treaty(
    string Id,
    string Name,
    string? Title,
    ImmutableArray<Source> Sources,
    ImmutableArray<Party> Parties,
    ImmutableArray<PartyGroup> Groups,
    TreatyDates Dates,
    ImmutableArray<LifecycleAct> Lifecycle,
    ImmutableArray<VocabularyEntry> ItemKinds,
    ImmutableArray<VocabularyEntry> Statuses,
    ImmutableArray<AttributeDefinition> Attributes,
    ImmutableArray<Limit> Limits,
    InspectionRegime Inspections,
    ImmutableArray<Interpretation> Interpretations,
    ImmutableArray<Notifications.NotificationType> Notifications)
{
    /// <summary>The notification type with this identifier, or <c>null</c>.</summary>
    public Notifications.NotificationType? FindNotification(string id) => Notifications.FirstOrDefault(n => n.Id == id);

    /// <summary>Whether the treaty names this party.</summary>
    public bool HasParty(PartyCode party) => Parties.Any(p => p.Code == party);

    /// <summary>The group with this identifier, or <c>null</c>.</summary>
    public PartyGroup? FindGroup(string id) => Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>The limit with this identifier, or <c>null</c>.</summary>
    public Limit? FindLimit(string id) => Limits.FirstOrDefault(l => l.Id == id);

    /// <summary>Finds an interpretation by name; <c>agreed</c> is always there.</summary>
    public bool TryGetInterpretation(string id, out Interpretation interpretation)
    {
        if (id == Interpretation.AgreedId)
        {
            interpretation = Interpretation.Agreed;
            return true;
        }

        interpretation = Interpretations.FirstOrDefault(i => i.Id == id)!;
        return interpretation is not null;
    }

    /// <summary>The limits as a reading counts them: each limit's rule with the interpretation's overlays applied.</summary>
    public ImmutableArray<Limit> LimitsUnder(Interpretation interpretation)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        return [.. Limits.Select(limit =>
            interpretation.Overlays
                .Where(o => o.LimitId == limit.Id)
                .Aggregate(limit, (current, overlay) => current with { Rule = overlay.ApplyTo(current.Rule) }))];
    }
}
