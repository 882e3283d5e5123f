using System.Collections.Immutable;
using System.Reflection;

namespace Verity.Core.Text;

/// <summary>
/// Every sentence the core says that a person reads in a report or on the dashboard: the reconciliation's findings, the
/// ledger's impossible changes and the inspections' findings. The English wording of each is here; the wording in each
/// further language is in the renderers' resources under <see cref="Wording.Key"/> (<c>PhraseStrings.resx</c>), with
/// the same placeholders.
/// </summary>
public static class Wordings
{
    // Where a finding was seen.

    /// <summary>A notification, by its number.</summary>
    public static readonly Wording Notification = new("Seen_Notification", "notification {0}");

    /// <summary>A database, by its as-of date.</summary>
    public static readonly Wording Database = new("Seen_Database", "database as of {0}");

    /// <summary>The schedule of exchanges.</summary>
    public static readonly Wording Schedule = new("Seen_Schedule", "schedule");

    // Pieces.

    /// <summary>A field of an item with its value.</summary>
    public static readonly Wording FieldValue = new("Part_FieldValue", "{0} {1}");

    /// <summary>An item as the record holds it: kind, type, status, location.</summary>
    public static readonly Wording Item = new("Part_Item", "{0} {1}, {2}, at {3}");

    /// <summary>How many items are in a status.</summary>
    public static readonly Wording InStatus = new("Part_InStatus", "{0} {1}");

    /// <summary>How and when an item left the record.</summary>
    public static readonly Wording Ended = new("Part_Ended", "{0} on {1}");

    /// <summary>Statements one after another.</summary>
    public static readonly Wording Statements = new("Part_Statements", "{0}");

    // The reconciliation of notified changes.

    /// <summary>A change notified for an item eliminated or lost.</summary>
    public static readonly Wording ChangedAfterEnd = new("Finding_ChangedAfterEnd", "{0} notified after the item was {1}");

    /// <summary>A production of a uid the database lists.</summary>
    public static readonly Wording ProducedWhileListed = new("Finding_ProducedWhileListed", "produced while {0} is listed as a {1} {2} at {3}");

    /// <summary>A production of a uid declared or notified before.</summary>
    public static readonly Wording ProducedDeclaredBefore = new("Finding_ProducedDeclaredBefore", "produced, but {0} was declared or notified before");

    /// <summary>A production of a uid notified before.</summary>
    public static readonly Wording ProducedNotifiedBefore = new("Finding_ProducedNotifiedBefore", "produced, but {0} was notified before");

    /// <summary>A change to an item the previous database does not list.</summary>
    public static readonly Wording NotInPreviousDatabase = new("Finding_NotInPreviousDatabase", "{0} notified for an item the previous database does not list");

    /// <summary>A change to an item never declared.</summary>
    public static readonly Wording NeverDeclared = new("Finding_NeverDeclared", "{0} notified for an item never declared");

    /// <summary>A move from a place the item was not at.</summary>
    public static readonly Wording MovedFromElsewhere = new("Finding_MovedFromElsewhere", "moved from {0}, but the record has it at {1}");

    /// <summary>Another change from a place the item was not at.</summary>
    public static readonly Wording ChangedFromElsewhere = new("Finding_ChangedFromElsewhere", "{0} notified from {1}, but the record has it at {2}");

    /// <summary>A production from a place other than where the item is produced.</summary>
    public static readonly Wording ProducedFromElsewhere = new("Finding_ProducedFromElsewhere", "produced notified from {0}, but a new item is first where it is produced ({1})");

    /// <summary>A status change to the converted status.</summary>
    public static readonly Wording ConvertedByStatusChange = new("Finding_ConvertedByStatusChange", "status changed to {0}: an item becomes {0} only by a conversion (the record has it {1})");

    /// <summary>A change the ledger finds impossible, with the item as the record has it.</summary>
    public static readonly Wording ImpossibleChange = new("Finding_ImpossibleChange", "{0} (the record has it {1})");

    /// <summary>A change notified with values its transition does not give.</summary>
    public static readonly Wording NotifiedWith = new("Finding_NotifiedWith", "{0} notified with {1}; applied to the record ({2}) it gives {3}");

    /// <summary>A change to a counted item where the record holds none in another status.</summary>
    public static readonly Wording NoneInOtherStatus = new("Finding_NoneInOtherStatus", "{0} notified for a {1} at {2}, but the record holds no {1} in another status there");

    /// <summary>A change to a counted item where the record holds none in its status.</summary>
    public static readonly Wording NoneInStatus = new("Finding_NoneInStatus", "{0} notified for a {1} at {2}, but the record holds no {1} {3} there");

    /// <summary>Counted items at a place differ from the previous database plus the notified changes.</summary>
    public static readonly Wording CountsDiffer = new("Finding_CountsDiffer", "{0} at {1}: {2}; the previous database plus the notified changes give {3}");

    /// <summary>As <see cref="CountsDiffer"/>, some having left a status not stated.</summary>
    public static readonly Wording CountsDifferUnstated = new("Finding_CountsDifferUnstated", "{0} at {1}: {2}; the previous database plus the notified changes give {3}, less {4} that left a status not stated");

    // The reconciliation of databases.

    /// <summary>An item eliminated or lost listed again.</summary>
    public static readonly Wording ListedAgain = new("Finding_ListedAgain", "listed again after it was {0}");

    /// <summary>An item listed with no notification of its arrival.</summary>
    public static readonly Wording ArrivedUnnotified = new("Finding_ArrivedUnnotified", "listed as a {0} {1} ({2}, {3}) with no notification of its arrival");

    /// <summary>An item no longer listed with no notification of its leaving.</summary>
    public static readonly Wording LeftUnnotified = new("Finding_LeftUnnotified", "no longer listed ({0} {1}, last {2} at {3}) with no notification of its elimination, loss or conversion");

    /// <summary>The database's status of an item differs from the notifications'.</summary>
    public static readonly Wording StatusDiffers = new("Finding_StatusDiffers", "status {0}, notifications give {1}");

    /// <summary>The database's location of an item differs from the notifications'.</summary>
    public static readonly Wording LocationDiffers = new("Finding_LocationDiffers", "location {0}, notifications give {1}");

    /// <summary>The database's type of an item differs from the notifications'.</summary>
    public static readonly Wording TypeDiffers = new("Finding_TypeDiffers", "type {0}, notifications give {1}");

    /// <summary>Warheads on an item not deployed.</summary>
    public static readonly Wording WarheadsNotDeployed = new("Finding_WarheadsNotDeployed", "{0} warhead(s) on a {1} {2}");

    /// <summary>More items held at a place than holders for them.</summary>
    public static readonly Wording MoreThanHolders = new("Finding_MoreThanHolders", "{0} {1} at {2}, but {3} {4}");

    /// <summary>A notification provided after its deadline.</summary>
    public static readonly Wording Late = new("Finding_Late", "{0} provided {1}, due by {2} ({3})");

    /// <summary>A notification provided before the event it notifies.</summary>
    public static readonly Wording BeforeEvent = new("Finding_BeforeEvent", "{0} provided {1}, before the {2} it notifies");

    /// <summary>A notification whose subject differs from its fields.</summary>
    public static readonly Wording SubjectDiffers = new("Finding_SubjectDiffers", "its subject is {0}, its fields give {1}:{2}");

    /// <summary>A notification whose date field differs from its date.</summary>
    public static readonly Wording DateFieldDiffers = new("Finding_DateFieldDiffers", "its date field is {0}, it is filed as of {1}");

    /// <summary>A database owed and not provided.</summary>
    public static readonly Wording NoDatabase = new("Finding_NoDatabase", "no database as of {0}, due by {1}");

    // The ledger's changes and why one cannot apply.

    /// <summary>A production, with the item produced.</summary>
    public static readonly Wording Produced = new("Event_Produced", "produced: {0} {1}, {2}, at {3}");

    /// <summary>A deployment, with where.</summary>
    public static readonly Wording Deployed = new("Event_Deployed", "deployed at {0}");

    /// <summary>A move, with where to.</summary>
    public static readonly Wording Moved = new("Event_Moved", "moved to {0}");

    /// <summary>A status change, with the status.</summary>
    public static readonly Wording StatusChanged = new("Event_StatusChanged", "status changed to {0}");

    /// <summary>A conversion, with the status it gives.</summary>
    public static readonly Wording Converted = new("Event_Converted", "converted ({0})");

    /// <summary>An elimination.</summary>
    public static readonly Wording Eliminated = new("Event_Eliminated", "eliminated");

    /// <summary>A loss.</summary>
    public static readonly Wording Lost = new("Event_Lost", "lost");

    /// <summary>Warheads loaded, with how many.</summary>
    public static readonly Wording WarheadsLoaded = new("Event_WarheadsLoaded", "{0} warhead(s) loaded");

    /// <summary>Warheads removed, with how many.</summary>
    public static readonly Wording WarheadsRemoved = new("Event_WarheadsRemoved", "{0} warhead(s) removed");

    /// <summary>A change to an item eliminated or lost.</summary>
    public static readonly Wording AfterEnd = new("Ledger_AfterEnd", "{0} after the item was {1} on {2}");

    /// <summary>A production of a uid an item has.</summary>
    public static readonly Wording UidUsedTwice = new("Ledger_UidUsedTwice", "uid used twice: produced while an item with this uid exists");

    /// <summary>A change to an item never produced or declared.</summary>
    public static readonly Wording NeverProduced = new("Ledger_NeverProduced", "{0} for an item never produced or declared");

    /// <summary>A negative number of warheads.</summary>
    public static readonly Wording NegativeWarheads = new("Ledger_NegativeWarheads", "{0}: a number of warheads is never negative");

    /// <summary>A deployment of an item deployed.</summary>
    public static readonly Wording AlreadyDeployed = new("Ledger_AlreadyDeployed", "deployed at {0} while already {1} at {2}");

    /// <summary>A move to where the item is.</summary>
    public static readonly Wording AlreadyThere = new("Ledger_AlreadyThere", "moved to {0}, where it already is");

    /// <summary>A status change to the status the item has.</summary>
    public static readonly Wording SameStatus = new("Ledger_SameStatus", "status changed to {0}, the status it already has");

    /// <summary>More warheads removed than the item carries.</summary>
    public static readonly Wording TooManyRemoved = new("Ledger_TooManyRemoved", "{0} warhead(s) removed from an item carrying {1}");

    /// <summary>A conversion that changes nothing.</summary>
    public static readonly Wording NoConversion = new("Ledger_NoConversion", "converted to {0} without any change: it is already a {1} {2} {3}");

    /// <summary>An event the ledger does not know.</summary>
    public static readonly Wording UnknownEvent = new("Ledger_UnknownEvent", "unknown event {0}");

    // The inspections' findings.

    /// <summary>The record an inspection's result is compared with: the inspected party's as of the arrival.</summary>
    public static readonly Wording InRecord = new("Inspection_InRecord", "{0}'s record as of {1} (its database as of {2}, entry {3})");

    /// <summary>As <see cref="InRecord"/>, with changes notified after the database.</summary>
    public static readonly Wording InRecordWithChanges = new("Inspection_InRecordWithChanges", "{0}'s record as of {1} (its database as of {2}, entry {3} and the {4} changes it notified after it)");

    /// <summary>The pre-inspection information, by its entry.</summary>
    public static readonly Wording SiteInformation = new("Inspection_SiteInformation", "the pre-inspection information (entry {0})");

    /// <summary>An item counted at the site.</summary>
    public static readonly Wording Counted = new("Inspection_Counted", "counted");

    /// <summary>An item seen at the site.</summary>
    public static readonly Wording Seen = new("Inspection_Seen", "seen");

    /// <summary>An item listed in the pre-inspection information.</summary>
    public static readonly Wording Listed = new("Inspection_Listed", "listed in the pre-inspection information");

    /// <summary>An item found at the site that is not in the record.</summary>
    public static readonly Wording NotInRecord = new("Inspection_NotInRecord", "{0}, {1} at {2}, is not in {3}");

    /// <summary>An item found at the site that the record has elsewhere.</summary>
    public static readonly Wording InRecordElsewhere = new("Inspection_InRecordElsewhere", "{0}, {1} at {2}, is at {3} in {4}");

    /// <summary>More reentry vehicles counted than declared.</summary>
    public static readonly Wording MoreCounted = new("Inspection_MoreCounted", "{0} reentry vehicles counted on {1}; {2} declared in {3}");

    /// <summary>The pre-inspection information's number differs from the record's.</summary>
    public static readonly Wording InformationDiffers = new("Inspection_InformationDiffers", "the pre-inspection information declares {0} reentry vehicles on {1}; {2} gives {3}");

    /// <summary>The pre-inspection information leaves out missiles the record places at the site.</summary>
    public static readonly Wording InformationLeavesOut = new("Inspection_InformationLeavesOut", "the pre-inspection information lists {0} of the {1} missiles {2} places at {3}; it leaves out {4}");

    /// <summary>An item the record places at the site that the inspectors did not see.</summary>
    public static readonly Wording NotSeen = new("Inspection_NotSeen", "{0} ({1}, {2}) is at {3} in {4}; the inspectors did not see it there");

    // A request the dashboard refuses: the reason after the name of the parameter (400), or what is not there (404).

    /// <summary>A date parameter that is not a date.</summary>
    public static readonly Wording NotADate = new("Request_NotADate", "'{0}' is not a date: expected YYYY-MM-DD, such as 2022-03-01");

    /// <summary>A date outside <see cref="SupportedDates"/>.</summary>
    public static readonly Wording OutsideDates = new("Request_OutsideDates", "{0} is outside the supported dates, {1} to {2}");

    /// <summary>A page parameter that is not a page number.</summary>
    public static readonly Wording NotAPage = new("Request_NotAPage", "'{0}' is not a page number: expected a whole number from 1");

    /// <summary>A page past the last page of the items that match the filter.</summary>
    public static readonly Wording BeyondFilter = new("Request_BeyondFilter", "{0} is beyond the last page, {1} (items that match the filter: {2}; {3} a page)");

    /// <summary>A page past the last page of the items on the date.</summary>
    public static readonly Wording BeyondDate = new("Request_BeyondDate", "{0} is beyond the last page, {1} (items on the date: {2}; {3} a page)");

    /// <summary>A kind parameter the treaty does not name.</summary>
    public static readonly Wording NotAKind = new("Request_NotAKind", "'{0}' is not an item kind of {1}: expected one of {2}");

    /// <summary>A status parameter the treaty does not name.</summary>
    public static readonly Wording NotAStatus = new("Request_NotAStatus", "'{0}' is not a status of {1}: expected one of {2}");

    /// <summary>A kind parameter, where the treaty names no kinds.</summary>
    public static readonly Wording NoKinds = new("Request_NoKinds", "'{0}' is not an item kind of {1}: it names none");

    /// <summary>A status parameter, where the treaty names no statuses.</summary>
    public static readonly Wording NoStatuses = new("Request_NoStatuses", "'{0}' is not a status of {1}: it names none");

    /// <summary>A base parameter longer than any base.</summary>
    public static readonly Wording BaseTooLong = new("Request_BaseTooLong", "{0} characters; a base is at most {1}");

    /// <summary>A language parameter that is not one of the page's languages.</summary>
    public static readonly Wording UnknownLanguage = new("Request_UnknownLanguage", "unknown language '{0}': known are {1}");

    /// <summary>A party the treaty does not have.</summary>
    public static readonly Wording NotAParty = new("Request_NotAParty", "{0} is not a party of the treaty whose log this node holds");

    /// <summary>An item the party's record does not hold.</summary>
    public static readonly Wording NoItem = new("Request_NoItem", "{0}'s record holds no item {1}");

    /// <summary>A node with nothing to derive a dashboard from.</summary>
    public static readonly Wording NoSource = new("Request_NoSource", "this node has no dashboard source: no record of the treaty to derive it from");

    // A model's parameters, in tables and assumptions.

    /// <summary>A trend model, with its window in years.</summary>
    public static readonly Wording ModelTrend = new("Model_Trend", "trend: least squares over the last {0} years of estimates");

    /// <summary>An anchored model through the official-projection rows.</summary>
    public static readonly Wording ModelAnchoredRows = new("Model_AnchoredRows", "anchored: through the official-projection rows, then the last slope");

    /// <summary>An anchored model through its anchors.</summary>
    public static readonly Wording ModelAnchored = new("Model_Anchored", "anchored: through {0}, then the last slope");

    /// <summary>An anchor: a value in a year.</summary>
    public static readonly Wording ModelAnchor = new("Model_Anchor", "{0} in {1}");

    /// <summary>An anchor with its range.</summary>
    public static readonly Wording ModelAnchorRange = new("Model_AnchorRange", "{0} in {1} ({2} to {3})");

    /// <summary>A rate model with a fixed rate.</summary>
    public static readonly Wording ModelRate = new("Model_Rate", "rate: {0} a year");

    /// <summary>A rate model with a fixed rate in percent.</summary>
    public static readonly Wording ModelRatePercent = new("Model_RatePercent", "rate: {0} % a year");

    /// <summary>A rate model with a rate and its range.</summary>
    public static readonly Wording ModelRateRange = new("Model_RateRange", "rate: {0} a year (range {1} to {2})");

    /// <summary>A rate model with a rate in percent and its range.</summary>
    public static readonly Wording ModelRatePercentRange = new("Model_RatePercentRange", "rate: {0} % a year (range {1} to {2})");

    /// <summary>A rate model taking the mean change of its window.</summary>
    public static readonly Wording ModelRateMean = new("Model_RateMean", "rate: the mean yearly change over the last {0} years of estimates");

    /// <summary>A hold model.</summary>
    public static readonly Wording ModelHold = new("Model_Hold", "hold: flat at the latest estimate");

    /// <summary>A cap: its ceiling, from when, and the base model.</summary>
    public static readonly Wording ModelCap = new("Model_Cap", "cap: {0} from {1}, otherwise {2}");

    /// <summary>A cap's ceiling when none is given.</summary>
    public static readonly Wording ModelLatestEstimate = new("Model_LatestEstimate", "the latest estimate");

    /// <summary>A cap's start when none is given.</summary>
    public static readonly Wording ModelFirstProjectedYear = new("Model_FirstProjectedYear", "the first projected year");

    // A projection's assumptions.

    /// <summary>What is projected, by which model, over which years.</summary>
    public static readonly Wording ProjectionStated = new("Projection_Stated", "Projected, not measured: {0} {1} by the model '{2}' ({3}), year by year as of 1 January, {4} to {5}.");

    /// <summary>How the uncertainty is drawn.</summary>
    public static readonly Wording ProjectionUncertainty = new("Projection_Uncertainty", "Uncertainty: {0} Monte Carlo trials, seed {1}; every figure drawn uniform on [low, high] where the source gives a range, a missing bound replaced by ±{2} % of the central value; parameters with a range drawn uniform on it; all draws independent.");

    /// <summary>The random source and the percentiles.</summary>
    public static readonly Wording ProjectionRandom = new("Projection_Random", "Random source: xoshiro256** seeded by SplitMix64 from seed XOR FNV-1a-64(\"{0}\"); p10, p50 and p90 interpolate linearly between order statistics; the central path uses every figure at its central value. Values below zero count as zero.");

    /// <summary>Which estimate rows are used.</summary>
    public static readonly Wording ProjectionOnePoint = new("Projection_OnePoint", "One point per as-of date: the most recently published row; rows published the same day are averaged. Official projections serve only as anchors; statements are not counts.");

    /// <summary>Where the projection starts.</summary>
    public static readonly Wording ProjectionStart = new("Projection_Start", "Start: {0} as of {1} ({2}), drawn uniform on [{3}, {4}].");

    /// <summary>A rate taken from the estimates.</summary>
    public static readonly Wording ProjectionMeanRate = new("Projection_MeanRate", "Rate: the mean yearly change from {0} ({1}, {2}) to {3} ({4}): {5} a year, fixed.");

    /// <summary>A rate drawn on its range.</summary>
    public static readonly Wording ProjectionRateDrawn = new("Projection_RateDrawn", "Rate drawn uniform on [{0}, {1}] a year.");

    /// <summary>A rate in percent drawn on its range.</summary>
    public static readonly Wording ProjectionRateDrawnPercent = new("Projection_RateDrawnPercent", "Rate drawn uniform on [{0}, {1}] % a year.");

    /// <summary>An anchor of the projection.</summary>
    public static readonly Wording ProjectionAnchor = new("Projection_Anchor", "Anchor: {0} as of {1} ({2}), drawn uniform on [{3}, {4}].");

    /// <summary>The first of January of a year.</summary>
    public static readonly Wording ProjectionFirstJanuary = new("Projection_FirstJanuary", "1 January {0}");

    /// <summary>Anchors not after the latest estimate.</summary>
    public static readonly Wording ProjectionAnchorsLeftOut = new("Projection_AnchorsLeftOut", "{0} anchor(s) at or before the latest estimate left out.");

    /// <summary>The fitted trend.</summary>
    public static readonly Wording ProjectionTrend = new("Projection_Trend", "Trend: least squares over {0} estimates, {1} to {2}: {3} a year; each trial draws every point uniform on its range and fits again.");

    /// <summary>A cap with its ceiling given.</summary>
    public static readonly Wording ProjectionCap = new("Projection_Cap", "Cap: no more than {0} from 1 January {1} on; the ceiling limits the base model '{2}', never raises it.");

    /// <summary>A cap at the latest estimate.</summary>
    public static readonly Wording ProjectionCapLatest = new("Projection_CapLatest", "Cap: no more than {0} (the latest estimate, {1}) from 1 January {2} on; the ceiling limits the base model '{3}', never raises it.");

    // What a model needs to project a state's measure.

    /// <summary>What a model needs and the data lack.</summary>
    public static readonly Wording Needs = new("Projection_Needs", "the model '{0}' needs {1}");

    /// <summary>No estimate at all.</summary>
    public static readonly Wording NeedsEstimate = new("Need_Estimate", "at least one estimate (basis declared or estimate, with a value or a range); {0} has none");

    /// <summary>A horizon before the first year projected.</summary>
    public static readonly Wording NeedsHorizon = new("Need_Horizon", "a horizon at or after {0}, the first year after the latest estimate ({1}); the horizon given is {2}");

    /// <summary>A model defined for other states or measures.</summary>
    public static readonly Wording NeedsApplies = new("Need_Applies", "a state in [{0}] and a measure in [{1}] (it is defined at {2} for those only)");

    /// <summary>Too few estimates for a mean rate.</summary>
    public static readonly Wording NeedsRateWindow = new("Need_RateWindow", "a rate, or at least 2 estimates in the {0} years to {1} to take the mean yearly change from; found {2}");

    /// <summary>No anchor.</summary>
    public static readonly Wording NeedsAnchor = new("Need_Anchor", "an official projection after the latest estimate ({0}): anchors in the model, or rows with basis official-projection; found none");

    /// <summary>No anchor after the latest estimate.</summary>
    public static readonly Wording NeedsAnchorAfter = new("Need_AnchorAfter", "an official projection after the latest estimate ({0}): anchors in the model, or rows with basis official-projection; found {1}, none after it");

    /// <summary>Too few estimates for a trend.</summary>
    public static readonly Wording NeedsTrendWindow = new("Need_TrendWindow", "at least 2 estimates in the {0} years to {1} (as-of dates from {2}); found {3}");

    /// <summary>A state's measure that could not be projected, and why.</summary>
    public static readonly Wording Gap = new("Proposals_Gap", "{0} {1}: {2}");

    // A draft's limit compared with the projections: why a value is unknown, what was assumed, where a ceiling comes from.

    /// <summary>A limit with no measure.</summary>
    public static readonly Wording CompareNoMeasure = new("Compare_NoMeasure", "the limit names no measure of the estimates, so no projection applies to it");

    /// <summary>A member whose measure is not projected in the year.</summary>
    public static readonly Wording CompareNoProjection = new("Compare_NoProjection", "no projection of {0} for {1} in {2}: the value is unknown");

    /// <summary>No year every member's projection covers.</summary>
    public static readonly Wording CompareNoCover = new("Compare_NoCover", "no projection of {0} covers {1} for every member of {2}: the value is unknown");

    /// <summary>A draft expired on the date.</summary>
    public static readonly Wording CompareExpired = new("Compare_Expired", "{0} is expired on {1}: no ceiling applies");

    /// <summary>A draft terminated on the date.</summary>
    public static readonly Wording CompareTerminated = new("Compare_Terminated", "{0} is terminated on {1}: no ceiling applies");

    /// <summary>A draft withdrawn from on the date.</summary>
    public static readonly Wording CompareWithdrawn = new("Compare_Withdrawn", "{0} is withdrawn on {1}: no ceiling applies");

    /// <summary>No ceiling on the date.</summary>
    public static readonly Wording CompareNoCeiling = new("Compare_NoCeiling", "no ceiling in force on {0}");

    /// <summary>A ceiling that applies later.</summary>
    public static readonly Wording CompareNotYet = new("Compare_NotYet", "not yet in effect on {0}: the ceiling applies from {1}");

    /// <summary>The draft's one ceiling.</summary>
    public static readonly Wording CeilingDraft = new("Ceiling_Draft", "the draft's ceiling");

    /// <summary>The draft's ceiling in steps.</summary>
    public static readonly Wording CeilingPhased = new("Ceiling_Phased", "the draft's phased ceiling");

    /// <summary>A ceiling and the date its step starts.</summary>
    public static readonly Wording CeilingFrom = new("Ceiling_From", "{0} from {1}");

    /// <summary>A step without a figure or a freeze.</summary>
    public static readonly Wording CeilingNoStep = new("Ceiling_NoStep", "the step in force gives no ceiling");

    /// <summary>A freeze at the level of a date.</summary>
    public static readonly Wording CeilingFreeze = new("Ceiling_Freeze", "freeze at the level of {0}");

    /// <summary>A freeze with the members' levels it sums.</summary>
    public static readonly Wording CeilingFreezeRows = new("Ceiling_FreezeRows", "freeze at the level of {0}: {1}");

    /// <summary>A member's level and the row it comes from.</summary>
    public static readonly Wording CeilingLevel = new("Ceiling_Level", "{0} {1} ({2})");

    /// <summary>A member's level not known on the freeze's date.</summary>
    public static readonly Wording CeilingUnknown = new("Ceiling_Unknown", "{0}'s {1} on {2}: {3}, so the frozen ceiling is unknown");

    /// <summary>A level the state does not disclose.</summary>
    public static readonly Wording CeilingUndisclosed = new("Ceiling_Undisclosed", "undisclosed");

    /// <summary>A level with no estimate.</summary>
    public static readonly Wording CeilingNoEstimate = new("Ceiling_NoEstimate", "no estimate");

    // Why an estimate row was passed over for a figure.

    /// <summary>A row as of a later date.</summary>
    public static readonly Wording PassAfterDate = new("Pass_AfterDate", "as of {0}, after {1}");

    /// <summary>A projection the figures have reached.</summary>
    public static readonly Wording PassProjectionOvertaken = new("Pass_ProjectionOvertaken", "a projection for {0}, a date the figures reach (latest as of {1})");

    /// <summary>A row that gives only an upper bound.</summary>
    public static readonly Wording PassCeilingOnly = new("Pass_CeilingOnly", "a ceiling of {0}, not a count");

    /// <summary>A row older than the latest vintage.</summary>
    public static readonly Wording PassOlder = new("Pass_Older", "as of {0}, older than the vintage of {1} (window {2} days)");

    /// <summary>A row of a lower precedence rule.</summary>
    public static readonly Wording PassRanksBelow = new("Pass_RanksBelow", "rule {0} ranks below {1} in the {2} order");

    /// <summary>A row of the same rule, later or first.</summary>
    public static readonly Wording PassSameRule = new("Pass_SameRule", "same rule {0}; {1} (published {2}) is later or first");

    /// <summary>Every wording, in the order above.</summary>
    public static ImmutableArray<Wording> All { get; } =
        [.. typeof(Wordings).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Wording)).Select(f => (Wording)f.GetValue(null)!)];
}
