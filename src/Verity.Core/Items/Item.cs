using System.Collections.Immutable;
using System.Globalization;

namespace Verity.Core.Items;

/// <summary>One accountable item as of some instant: a missile, a launcher, a bomber, with its unique identifier.</summary>
/// <param name="Uid">The unique identifier, unique across all parties.</param>
/// <param name="Party">The party that owns it.</param>
/// <param name="Kind">The treaty's item kind, such as <c>icbm</c>.</param>
/// <param name="Type">The type, such as "Minuteman III".</param>
/// <param name="Status">The treaty's status, such as <c>deployed</c>.</param>
/// <param name="Warheads">Warheads emplaced on it (reentry vehicles for a missile); never negative.</param>
/// <param name="Location">Where it is: a base or facility.</param>
/// <param name="Attributes">Further attributes, such as <c>armament</c>, that counting rules may filter on.</param>
/// <remarks>
/// One line may stand for several identical units (<see cref="Quantity"/>): 3,700 stored warheads of one type at one
/// place are one item with a quantity, not 3,700 made-up uids. A counting rule counts each unit.
/// </remarks>
public sealed record Item(
    string Uid,
    PartyCode Party,
    string Kind,
    string Type,
    string Status,
    int Warheads,
    string Location,
    ImmutableSortedDictionary<string, string> Attributes)
{
    private readonly long _quantity = 1;

    /// <summary>How many identical units this line stands for: 1 for an item with its own unique identifier.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public long Quantity
    {
        get => _quantity;
        init => _quantity = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An item stands for at least one unit.");
    }

    /// <summary>No further attributes, keyed in ordinal order (as every attribute map of an item is, whatever the culture).</summary>
    public static ImmutableSortedDictionary<string, string> NoAttributes { get; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The names of the attributes every item has.</summary>
    public static ImmutableArray<string> BuiltInAttributes { get; } = ["uid", "party", "kind", "type", "status", "warheads", "location"];

    /// <summary>Creates an item without further attributes.</summary>
    public Item(string uid, PartyCode party, string kind, string type, string status, int warheads, string location)
        : this(uid, party, kind, type, status, warheads, location, NoAttributes)
    {
    }

    /// <summary>The value of an attribute, built in or further; <c>null</c> when the item has none.</summary>
    public string? Get(string attribute) => attribute switch
    {
        "uid" => Uid,
        "party" => Party.Value,
        "kind" => Kind,
        "type" => Type,
        "status" => Status,
        "warheads" => Warheads.ToString(CultureInfo.InvariantCulture),
        "location" => Location,
        _ => Attributes.GetValueOrDefault(attribute),
    };

    /// <summary>A copy with one further attribute set, or removed with <c>null</c>.</summary>
    public Item With(string attribute, string? value) => this with
    {
        Attributes = value is null ? Attributes.Remove(attribute) : Attributes.SetItem(attribute, value),
    };
}
