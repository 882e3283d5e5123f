using System.Collections.Immutable;
using NodaTime;

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
    /// <summary>The treaty's name and title in other languages than English, by BCP 47 code.</summary>
    public ImmutableDictionary<string, TreatyName> Names { get; init; } = ImmutableDictionary<string, TreatyName>.Empty;

    /// <summary>On what authority each language's names and renderings rest (the treaty's authentic text, or
    /// translations made for Verity), by BCP 47 code; a language the file gives names in is always here.</summary>
    public ImmutableDictionary<string, Translation> Translations { get; init; } = ImmutableDictionary<string, Translation>.Empty;

    /// <summary>Its short name in <paramref name="language"/>, or in English where the file gives none.</summary>
    public string NameIn(string language) => Names.GetValueOrDefault(language)?.Name ?? Name;

    /// <summary>Its full title in <paramref name="language"/>, or in English where the file gives none.</summary>
    public string? TitleIn(string language) => Names.GetValueOrDefault(language) is { } named ? named.Title ?? Title : Title;

    /// <summary>For a draft, who proposed it, when and where; <c>null</c> for a treaty signed or in force.</summary>
    public Proposal? Proposal { get; init; }

    /// <summary>Whether the treaty is a draft proposal rather than a treaty signed or in force.</summary>
    public bool IsProposal => Proposal is not null;

    /// <summary>A draft's named variants (other group memberships); empty when none.</summary>
    public ImmutableArray<TreatyVariant> Variants { get; init; } = [];

    /// <summary>
    /// The treaty as if it entered into force on <paramref name="entryIntoForce"/>: the date is set and every date
    /// given relative to entry into force (limit steps, freezes) is resolved against it. Calendar dates stay as they
    /// are. A comparison of drafts assumes one entry into force for all; standing on a date then reads as for a treaty
    /// in force from it.
    /// </summary>
    public Treaty AssumingEntryIntoForce(LocalDate entryIntoForce) => this with
    {
        Dates = Dates with { EntryIntoForceDate = entryIntoForce },
        Limits = [.. Limits.Select(l => l.Resolve(entryIntoForce))],
    };

    /// <summary>The treaty with a variant's groups in place of those of the same identifier.</summary>
    /// <exception cref="ArgumentException">The treaty has no variant <paramref name="variantId"/>.</exception>
    public Treaty WithVariant(string variantId)
    {
        var variant = Variants.FirstOrDefault(v => v.Id == variantId)
            ?? throw new ArgumentException($"'{variantId}' is not a variant of {Id}: its variants are {(Variants.IsEmpty ? "none" : string.Join(", ", Variants.Select(v => v.Id)))}", nameof(variantId));
        return this with { Groups = [.. Groups.Select(g => variant.Groups.FirstOrDefault(v => v.Id == g.Id) ?? g)] };
    }

    /// <summary>
    /// The role a status plays (see <see cref="StatusRole"/>): the one the file declares, else the status's own
    /// identifier when that is a role's name (so <c>deployed</c> plays <c>deployed</c>); <c>null</c> for none.
    /// </summary>
    public string? RoleOf(string status)
    {
        var entry = Statuses.FirstOrDefault(s => s.Id == status);
        return entry?.Role ?? (StatusRole.All.Contains(status) ? status : null);
    }

    /// <summary>The statuses that play a role, in the file's order.</summary>
    public ImmutableArray<string> StatusesIn(string role) => [.. Statuses.Where(s => RoleOf(s.Id) == role).Select(s => s.Id)];

    /// <summary>The first status that plays a role, or <c>null</c>.</summary>
    public string? StatusFor(string role) => Statuses.Select(s => s.Id).FirstOrDefault(id => RoleOf(id) == role);

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
