namespace Verity.Core.Exchanges;

/// <summary>One aggregate number of a database: the value of one of the treaty's limits for the party.</summary>
/// <param name="Limit">The limit's identifier.</param>
/// <param name="Name">What it counts, in the treaty's words.</param>
/// <param name="Article">The provision that sets the limit.</param>
/// <param name="Value">The counted value.</param>
public sealed record AggregateValue(string Limit, string Name, string? Article, long Value);
