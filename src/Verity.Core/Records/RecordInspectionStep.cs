using Verity.Core.Inspections;

namespace Verity.Core.Records;

/// <summary>A step of an inspection a party stated, with the log entry that holds it.</summary>
/// <param name="Index">The entry's index in the party's log.</param>
/// <param name="Type">The statement type, one of <see cref="InspectionStatements.All"/>.</param>
/// <param name="Step">The step, read back and checked against its schema.</param>
public sealed record RecordInspectionStep(long Index, string Type, InspectionStep Step);
