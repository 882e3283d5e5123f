using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Analysis.Replay;

/// <summary>A count of items of a kind and type from a date on (test items), or reached by a date (cumulative conversions).</summary>
public sealed record CountAnchor(LocalDate Date, string Kind, string Type, int Count, ImmutableSortedDictionary<string, string> Attributes);
