using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>
/// A count of inspections from the public record: how many the parties named conducted (as inspecting parties) from one
/// date to another, of one type or of every type, with its source. Rows with no count say where the record is silent.
/// </summary>
/// <param name="Line">The row's line in its file (1-based), so that a problem found later can point at it; 0 when built in code.</param>
/// <param name="From">The first day the count covers.</param>
/// <param name="To">The last day it covers (inclusive), on or after <paramref name="From"/>.</param>
/// <param name="Parties">The inspecting parties whose inspections are counted together: one party, or several for a total of all of them.</param>
/// <param name="Type">The inspection type counted; <c>null</c> for every type together.</param>
/// <param name="Count">How many, 0 or more; <c>null</c> when the record gives no count (<see cref="Basis"/> <c>not-published</c>): unknown, never 0.</param>
/// <param name="Basis"><c>published</c> (a source states it), <c>derived</c> (arithmetic on published figures, said in the note) or <c>not-published</c>.</param>
/// <param name="Source">Where the count is published, or where its absence is recorded.</param>
/// <param name="Note">The source's words, and any reading of them.</param>
public sealed record PublishedInspectionCount(
    int Line,
    LocalDate From,
    LocalDate To,
    ImmutableArray<PartyCode> Parties,
    string? Type,
    int? Count,
    string Basis,
    string Source,
    string? Note)
{
    /// <summary>The basis of a count a source states.</summary>
    public const string Published = "published";

    /// <summary>The basis of a count worked out from published ones.</summary>
    public const string Derived = "derived";

    /// <summary>The basis of a row that records that no count was published.</summary>
    public const string NotPublished = "not-published";

    /// <summary>Whether the row counts the inspections of <paramref name="party"/> alone.</summary>
    public bool IsOf(PartyCode party) => Parties.Length == 1 && Parties[0] == party;
}
