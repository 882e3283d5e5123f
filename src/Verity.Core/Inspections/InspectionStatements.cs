using System.Collections.Immutable;

namespace Verity.Core.Inspections;

/// <summary>
/// The statement types of an inspection, in the order an inspection runs, each with its JSON Schema in
/// <c>schemas/inspections/</c>: which party states each, and what it must follow, is in docs/inspections.md and is
/// checked by <see cref="InspectionTrail"/>.
/// </summary>
public static class InspectionStatements
{
    /// <summary>The inspecting party's notice of intent and arrival (<see cref="InspectionNotice"/>).</summary>
    public const string Notice = "inspection-notice";

    /// <summary>The inspecting party's designation of the site (<see cref="SiteDesignation"/>).</summary>
    public const string Designation = "inspection-designation";

    /// <summary>The inspected party's pre-inspection information (<see cref="SiteInformation"/>).</summary>
    public const string SiteInformation = "inspection-site-information";

    /// <summary>Each party's commitment to its nonce for the selection (<see cref="SelectionCommitment"/>).</summary>
    public const string Commitment = "inspection-commitment";

    /// <summary>Each party's reveal of its nonce (<see cref="SelectionReveal"/>).</summary>
    public const string Reveal = "inspection-reveal";

    /// <summary>The inspecting party's selection, or its voiding (<see cref="MissileSelection"/>).</summary>
    public const string Selection = "inspection-selection";

    /// <summary>The inspecting party's result (<see cref="InspectionResult"/>).</summary>
    public const string Result = "inspection-result";

    /// <summary>The inspecting party's report (<see cref="InspectionReport"/>).</summary>
    public const string Report = "inspection-report";

    /// <summary>The inspected party's acknowledgement of the report (<see cref="ReportAcknowledgement"/>).</summary>
    public const string Acknowledgement = "inspection-acknowledgement";

    /// <summary>An ambiguity raised to the commission or resolved (<see cref="InspectionAmbiguity"/>).</summary>
    public const string Ambiguity = "inspection-ambiguity";

    /// <summary>Every inspection statement type, in the order an inspection runs.</summary>
    public static ImmutableArray<string> All { get; } = [Notice, Designation, SiteInformation, Commitment, Reveal, Selection, Result, Report, Acknowledgement, Ambiguity];
}
