using System.Collections.Immutable;
using NodaTime;

namespace Verity.Reports.Dashboard;

/// <summary>One database a party provided: its date, content hash and counts.</summary>
/// <param name="AsOf">The date the database describes.</param>
/// <param name="Sha256">Its content hash, hex.</param>
/// <param name="Counts">The count in each category.</param>
public sealed record DatabaseSummary(LocalDate AsOf, string Sha256, ImmutableArray<DatabaseCount> Counts);
