using System.Collections.Immutable;
using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>
/// One step of an inspection as a party stated it in its own log: the body of one of the inspection statement types
/// (<see cref="InspectionStatements"/>), read back and checked against its JSON Schema. The steps of both parties'
/// logs together are the inspection (<see cref="InspectionTrail"/>); nothing about it is stored but these.
/// </summary>
/// <param name="Inspection">The inspection's identifier, chosen by the inspecting party in its notice.</param>
public abstract record InspectionStep(string Inspection);

/// <summary>The inspecting party's notice of intent and of the inspectors' arrival.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Inspected">The inspected party.</param>
/// <param name="Type">The inspection type, one of the treaty's quotas.</param>
/// <param name="Arrival">The day of arrival: the day the inspection counts against the quota.</param>
public sealed record InspectionNotice(string Inspection, PartyCode Inspected, string Type, LocalDate Arrival) : InspectionStep(Inspection);

/// <summary>The inspecting party's designation of the site.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Site">The site: a location the inspected party's database lists.</param>
public sealed record SiteDesignation(string Inspection, string Site) : InspectionStep(Inspection);

/// <summary>The inspected party's pre-inspection information: the deployed missiles at the site, with the reentry
/// vehicles it declares on each, in the order the selection draws from.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Site">The site it is about.</param>
/// <param name="Missiles">The missiles, in order.</param>
public sealed record SiteInformation(string Inspection, string Site, ImmutableArray<MissileCount> Missiles) : InspectionStep(Inspection);

/// <summary>A party's commitment to its nonce for the selection draw: SHA-256 of 32 secret bytes, base64.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Commitment">The commitment, base64.</param>
public sealed record SelectionCommitment(string Inspection, string Commitment) : InspectionStep(Inspection);

/// <summary>A party's reveal of its nonce for the selection draw, base64.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Nonce">The nonce, base64.</param>
public sealed record SelectionReveal(string Inspection, string Nonce) : InspectionStep(Inspection);

/// <summary>The inspecting party's selection: the missiles the joint draw selected, or the parties that withheld their
/// reveal (then the selection is void and nothing is selected).</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Selected">The missiles selected, in draw order; empty when void.</param>
/// <param name="Withheld">The parties named as having withheld their reveal; empty when the draw concluded.</param>
public sealed record MissileSelection(string Inspection, ImmutableArray<string> Selected, ImmutableArray<PartyCode> Withheld) : InspectionStep(Inspection)
{
    /// <summary>Whether the selection is void because a reveal was withheld.</summary>
    public bool IsVoid => Selected.IsEmpty;
}

/// <summary>The inspecting party's result: the reentry vehicles counted on each selected missile, the items seen at
/// the site (when it lists them), and heavy bombers' armaments.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Counted">Reentry vehicles counted, per missile.</param>
/// <param name="Seen">Every item seen at the site by unique identifier; <c>null</c> when the result does not list them.</param>
/// <param name="Bombers">Nuclear armaments counted on heavy bombers.</param>
public sealed record InspectionResult(string Inspection, ImmutableArray<MissileCount> Counted, ImmutableArray<string>? Seen, ImmutableArray<BomberArmaments> Bombers) : InspectionStep(Inspection);

/// <summary>The inspecting party's report, which closes the inspection; its findings are derived, not stated.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Remarks">The inspectors' remarks; empty when none.</param>
public sealed record InspectionReport(string Inspection, string Remarks) : InspectionStep(Inspection);

/// <summary>The inspected party's acknowledgement of the report, in its own log.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Comments">Its comments; empty when none.</param>
public sealed record ReportAcknowledgement(string Inspection, string Comments) : InspectionStep(Inspection);

/// <summary>An ambiguity arising from the inspection, raised to the treaty's commission or resolved there.</summary>
/// <param name="Inspection">The inspection's identifier.</param>
/// <param name="Ambiguity">The ambiguity's identifier.</param>
/// <param name="Resolved">Whether this step resolves it (else it raises it).</param>
/// <param name="Text">What is ambiguous, or how it was resolved.</param>
public sealed record InspectionAmbiguity(string Inspection, string Ambiguity, bool Resolved, string Text) : InspectionStep(Inspection);

/// <summary>Reentry vehicles on one missile: declared (pre-inspection information) or counted (a result).</summary>
/// <param name="Uid">The missile's unique identifier.</param>
/// <param name="Warheads">The reentry vehicles.</param>
public sealed record MissileCount(string Uid, int Warheads);

/// <summary>Nuclear armaments counted on one heavy bomber.</summary>
/// <param name="Uid">The bomber's unique identifier.</param>
/// <param name="Armaments">The nuclear armaments counted.</param>
public sealed record BomberArmaments(string Uid, int Armaments);
