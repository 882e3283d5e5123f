using System.Collections.Immutable;

namespace Verity.Core.Reconciliation;

/// <summary>What reconciling one party's databases and notifications found.</summary>
/// <param name="Party">The party whose record was reconciled.</param>
/// <param name="Databases">The databases checked.</param>
/// <param name="Notifications">The notifications applied.</param>
/// <param name="Findings">Every finding, in date order.</param>
public sealed record ReconciliationReport(PartyCode Party, int Databases, int Notifications, ImmutableArray<Finding> Findings)
{
    /// <summary>The number of findings of one kind.</summary>
    public int Count(FindingKind kind) => Findings.Count(f => f.Kind == kind);
}
