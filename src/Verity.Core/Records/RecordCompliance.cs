using System.Collections.Immutable;
using Verity.Core.Compliance;

namespace Verity.Core.Records;

/// <summary>
/// A party's compliance on a date, derived from its statements: the limits counted by <see cref="ComplianceEvaluator"/>
/// over <see cref="DerivedForces.Inventory"/> (the same counting rules as everywhere), beside the aggregate numbers
/// the party itself declared in the basis database.
/// </summary>
/// <param name="Forces">The forces counted.</param>
/// <param name="Report">Each limit's value and status, for the party and each group it belongs to.</param>
/// <param name="Declared">The aggregate numbers of the basis database, by limit id (as of the basis's date); empty without a basis.</param>
public sealed record RecordCompliance(DerivedForces Forces, ComplianceReport Report, ImmutableSortedDictionary<string, long> Declared);
