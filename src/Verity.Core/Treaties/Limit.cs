using NodaTime;
using Verity.Core.Counting;

namespace Verity.Core.Treaties;

/// <summary>A numerical limit: what is counted (the rule), the ceiling, whose forces, and from when.</summary>
/// <param name="Id">The identifier used in reports and interpretations, such as <c>warheads</c>.</param>
/// <param name="Article">The provision that sets it, such as "Art. II.1(b)".</param>
/// <param name="Name">What it limits, in the treaty's words.</param>
/// <param name="Ceiling">The maximum the counted value may reach.</param>
/// <param name="Scope">Whose forces are counted.</param>
/// <param name="Rule">How items are counted.</param>
/// <param name="From">The date the limit takes effect.</param>
/// <param name="SourceId">The cited source.</param>
public sealed record Limit(string Id, string? Article, string Name, long Ceiling, LimitScope Scope, CountingRule Rule, LocalDate From, string? SourceId);
