using System.Collections.Immutable;

namespace Verity.Core.Exchanges;

/// <summary>One listed item that differs between two databases: added, removed or changed.</summary>
/// <param name="Uid">The item's unique identifier.</param>
/// <param name="Before">The item in the earlier database, or <c>null</c> when it was added.</param>
/// <param name="After">The item in the later database, or <c>null</c> when it was removed.</param>
public sealed record ItemChange(string Uid, DatabaseItem? Before, DatabaseItem? After)
{
    /// <summary>The fields that differ (<c>kind</c>, <c>type</c>, <c>status</c>, <c>location</c>, <c>warheads</c>); empty when added or removed.</summary>
    public ImmutableArray<string> Fields => Before is { } b && After is { } a
        ? [.. new (string Field, bool Differs)[]
            {
                ("kind", b.Kind != a.Kind),
                ("type", b.Type != a.Type),
                ("status", b.Status != a.Status),
                ("location", b.Location != a.Location),
                ("warheads", b.Warheads != a.Warheads),
            }.Where(f => f.Differs).Select(f => f.Field)]
        : [];

    /// <summary>What changed, in words, such as <c>status deployed → non-deployed; location Minot AFB → Hill AFB</c>.</summary>
    public string Describe()
    {
        if (Before is null)
        {
            return $"added: {After!.Kind} {After.Type}, {After.Status}, at {After.Location}, {After.Warheads} warhead(s)";
        }

        if (After is null)
        {
            return $"removed: {Before.Kind} {Before.Type}, {Before.Status}, at {Before.Location}";
        }

        return string.Join("; ", Fields.Select(f => f switch
        {
            "kind" => $"kind {Before.Kind} → {After.Kind}",
            "type" => $"type {Before.Type} → {After.Type}",
            "status" => $"status {Before.Status} → {After.Status}",
            "location" => $"location {Before.Location} → {After.Location}",
            _ => $"warheads {Before.Warheads} → {After.Warheads}",
        }));
    }
}
