using NodaTime;

namespace Verity.Core.Inspections;

/// <summary>
/// One inspection held: which party inspected which, of which type, on which date. From a party's inspection reports
/// (its log), or synthetic (a replay's record).
/// </summary>
/// <param name="Date">The day the inspection took place (the day it counts against the quota).</param>
/// <param name="Type">The inspection type, one of the treaty's quotas, such as <c>type-one</c>.</param>
/// <param name="Inspecting">The party that conducted it, whose quota it uses.</param>
/// <param name="Inspected">The party whose facility was inspected.</param>
public sealed record Inspection(LocalDate Date, string Type, PartyCode Inspecting, PartyCode Inspected);
