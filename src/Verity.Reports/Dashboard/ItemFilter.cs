using System.Collections.Immutable;

namespace Verity.Reports.Dashboard;

/// <summary>Which of a party's items its page lists: those of a kind, a status and a base (location), a page of
/// <see cref="PageSize"/> at a time; <c>null</c> filters match every item.</summary>
/// <param name="Kind">An item kind of the treaty (<c>?kind=</c>), or <c>null</c> for every kind.</param>
/// <param name="Status">A status of the treaty (<c>?status=</c>), or <c>null</c> for every status.</param>
/// <param name="Base">A location, exactly as the databases list it (<c>?base=</c>), or <c>null</c> for every one.</param>
/// <param name="Page">The page, from 1 (<c>?page=</c>).</param>
public sealed record ItemFilter(string? Kind = null, string? Status = null, string? Base = null, int Page = 1)
{
    /// <summary>How many items a page lists.</summary>
    public const int PageSize = 100;

    /// <summary>Every item, the first page.</summary>
    public static ItemFilter All { get; } = new();

    /// <summary>Whether any of kind, status or base is set.</summary>
    public bool IsFiltered => Kind is not null || Status is not null || Base is not null;

    /// <summary>Whether <paramref name="item"/> is of the kind, status and base asked for.</summary>
    public bool Matches(ItemLink item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Kind is null || item.Kind == Kind) && (Status is null || item.Status == Status) && (Base is null || item.Location == Base);
    }

    /// <summary>The items that match, in the order given.</summary>
    public ImmutableArray<ItemLink> Matching(ImmutableArray<ItemLink> items) => [.. items.Where(Matches)];

    /// <summary>How many pages <paramref name="count"/> matching items fill: at least one (which may be empty).</summary>
    public static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}
