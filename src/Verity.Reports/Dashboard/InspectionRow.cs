using System.Collections.Immutable;
using NodaTime;
using Verity.Core;
using Verity.Core.Text;

namespace Verity.Reports.Dashboard;

/// <summary>One inspection on a party's page, as both parties' logs give it.</summary>
/// <param name="Id">The inspection's identifier.</param>
/// <param name="Inspecting">The inspecting party.</param>
/// <param name="Inspected">The inspected party.</param>
/// <param name="Type">The inspection type.</param>
/// <param name="Arrival">The day of arrival, on which it counts against the quota.</param>
/// <param name="Site">The site designated; <c>null</c> before the designation.</param>
/// <param name="Stage">Where it stands: noticed, designated, informed, drawing, selected, void, counted, reported, acknowledged.</param>
/// <param name="Selected">The missiles the joint draw selected.</param>
/// <param name="Withheld">The parties that withheld their reveal (the selection is void).</param>
/// <param name="Counted">Reentry vehicles counted on each missile.</param>
/// <param name="Findings">The findings against the inspected party's declarations, as phrases.</param>
public sealed record InspectionRow(
    string Id, PartyCode Inspecting, PartyCode Inspected, string Type, LocalDate Arrival, string? Site, string Stage,
    ImmutableArray<string> Selected, ImmutableArray<string> Withheld, ImmutableArray<(string Uid, int Warheads)> Counted, ImmutableArray<Phrase> Findings);

/// <summary>A party's use of one inspection quota in one treaty year, from the notices in its log.</summary>
/// <param name="Type">The inspection type.</param>
/// <param name="TreatyYear">The treaty year.</param>
/// <param name="Used">The inspections noticed in it.</param>
/// <param name="PerYear">The quota.</param>
public sealed record QuotaUse(string Type, int TreatyYear, int Used, int PerYear);
