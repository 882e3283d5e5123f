using System.Collections.Immutable;
using Verity.Core.Exchanges;
using Verity.Core.Records;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Inspections;

/// <summary>
/// Every inspection the parties' logs hold, derived from the steps each party stated in its own log
/// (<see cref="PartyRecord.InspectionSteps"/>): which steps fit, where each inspection stands, the selection's seed
/// and the findings of each result against the inspected party's declarations; and whether a step a party is about to
/// sign fits (<see cref="Admit(PartyRecord, string, ReadOnlySpan{byte})"/>). Pure: the joint draw is passed in.
/// </summary>
/// <remarks>
/// A step fits when the steps it follows are there and it agrees with them: the notice within the quota and outside
/// any pause, suspension or exemption; the site one the inspected party's database lists; the pre-inspection
/// information for the designated site; both commitments before either reveal, each reveal matching its commitment;
/// the selection what the draw selects (or naming a party that did not reveal, which voids it); a result only for
/// selected missiles; the report after the result; the acknowledgement after the report. A node checks this before it
/// signs a step (<see cref="Admit(PartyRecord, string, ReadOnlySpan{byte})"/>); read back from logs, the steps are taken in the order an inspection runs and
/// those that do not fit are left out and named in <see cref="InspectionState.Problems"/>.
/// </remarks>
public sealed class InspectionTrail
{
    private static readonly ImmutableArray<string> Order = InspectionStatements.All;
    private readonly Treaty _treaty;
    private readonly IReadOnlyDictionary<PartyCode, PartyRecord> _records;
    private readonly IJointDraw _draw;
    private readonly Dictionary<string, InspectionState> _inspections = new(StringComparer.Ordinal);
    private readonly List<string> _orphans = [];

    private InspectionTrail(Treaty treaty, IReadOnlyDictionary<PartyCode, PartyRecord> records, IJointDraw draw)
    {
        _treaty = treaty;
        _records = records;
        _draw = draw;
    }

    /// <summary>The inspections, by the inspecting party's notice: by arrival, then identifier.</summary>
    public ImmutableArray<InspectionState> Inspections => [.. _inspections.Values.OrderBy(i => i.NoticeStep.Arrival).ThenBy(i => i.Id, StringComparer.Ordinal)];

    /// <summary>Steps that name no inspection noticed in the logs held, each with its party and entry.</summary>
    public IReadOnlyList<string> Orphans => _orphans;

    /// <summary>The inspection <paramref name="id"/>, or <c>null</c>.</summary>
    public InspectionState? this[string id] => _inspections.GetValueOrDefault(id);

    /// <summary>The inspections held, for the quotas: one per notice, on its arrival day.</summary>
    public InspectionsHeld Held => InspectionsHeld.Of(_inspections.Values.Select(i => new Inspection(i.NoticeStep.Arrival, i.NoticeStep.Type, i.Inspecting, i.Inspected)));

    /// <summary>The treaty year in which <paramref name="inspection"/> counts against the quota (from its arrival).</summary>
    public int TreatyYear(InspectionState inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return _treaty.TreatyYearOf(inspection.NoticeStep.Arrival);
    }

    /// <summary>The trail of <paramref name="records"/> (every party's whose log is held).</summary>
    public static InspectionTrail Of(Treaty treaty, IEnumerable<PartyRecord> records, IJointDraw draw)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(draw);
        var byParty = records.ToDictionary(r => r.Party);
        var trail = new InspectionTrail(treaty, byParty, draw);
        // The order an inspection runs in: by step, an ambiguity raised before it is resolved, then by party and entry.
        // Two logs do not prove which of two parties' steps came first; the node that signed each checked it against the
        // other log as it held it then.
        var steps = byParty.Values.SelectMany(r => r.InspectionSteps.Select(s => (r.Party, Step: s)))
            .OrderBy(s => Order.IndexOf(s.Step.Type)).ThenBy(s => s.Step.Step is InspectionAmbiguity { Resolved: true } ? 1 : 0)
            .ThenBy(s => s.Party.Value, StringComparer.Ordinal).ThenBy(s => s.Step.Index).ToList();

        // A selection voided for a withheld reveal stands: a reveal of the party it names is left out (the inspecting
        // party's node did not hold it when it signed the selection).
        var voided = steps.Where(s => s.Step.Step is MissileSelection { IsVoid: true })
            .SelectMany(s => ((MissileSelection)s.Step.Step).Withheld.Select(p => (s.Step.Step.Inspection, Party: p, s.Step.Index))).ToList();
        var leftOutNotices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (party, step) in steps)
        {
            var problems = trail.Problems(party, step.Type, step.Step);
            if (step.Step is SelectionReveal && voided.FirstOrDefault(v => v.Inspection == step.Step.Inspection && v.Party == party) is { Inspection: not null } voiding
                && trail[step.Step.Inspection] is { } voidedInspection)
            {
                problems = [("inspection", $"{voidedInspection.Inspecting}'s selection (entry {voiding.Index}) voided the draw, naming {party} as having withheld its reveal")];
            }

            var why = $"{party} entry {step.Index} ({step.Type}) is left out: {string.Join("; ", problems.Select(p => p.Message))}";
            if (problems.Count == 0)
            {
                trail.Apply(party, step);
            }
            else if (step.Type == InspectionStatements.Notice)
            {
                leftOutNotices.TryAdd(step.Step.Inspection, $"{party} entry {step.Index}");
                trail._orphans.Add(why);
            }
            else if (trail[step.Step.Inspection] is { } inspection)
            {
                inspection.Problem(why);
            }
            else
            {
                trail._orphans.Add(leftOutNotices.TryGetValue(step.Step.Inspection, out var notice)
                    ? $"{party} entry {step.Index} ({step.Type}) is left out: the notice of inspection '{step.Step.Inspection}' ({notice}) was left out"
                    : why);
            }
        }

        foreach (var inspection in trail._inspections.Values)
        {
            inspection.Findings = trail.FindingsOf(inspection);
        }

        return trail;
    }

    /// <summary>
    /// Whether <paramref name="party"/> may state <paramref name="step"/> (a statement of <paramref name="type"/>) next:
    /// every problem, each naming the body's field; empty when it fits the inspection as the logs now hold it.
    /// </summary>
    public ImmutableArray<Diagnostic> Admit(PartyCode party, string type, InspectionStep step)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(step);
        return [.. Problems(party, type, step).Select(p => new Diagnostic("body", 0, 0, p.Field, p.Message))];
    }

    /// <summary>
    /// Whether <paramref name="record"/>'s party may sign a statement of <paramref name="type"/> with
    /// <paramref name="body"/> next: the body reads back (<see cref="PartyRecord.Check"/>) and, for an inspection
    /// statement, fits the inspection as the logs now hold it. Every problem, each naming the body's field.
    /// </summary>
    public ImmutableArray<Diagnostic> Admit(PartyRecord record, string type, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = record.Check(type, body);
        if (!problems.IsEmpty || !InspectionStatements.All.Contains(type) || !Loading.Utf8Text.TryDecode(body, "body", out var json, out _))
        {
            return problems;
        }

        try
        {
            return Admit(record.Party, type, Loading.InspectionStepReader.Parse(type, json, "body", record.Treaty));
        }
        catch (InputException e)
        {
            return e.Diagnostics;
        }
    }

    private List<(string Field, string Message)> Problems(PartyCode party, string type, InspectionStep step)
    {
        var problems = new List<(string Field, string Message)>();
        void Fail(string field, string message) => problems.Add((field, message));
        var inspection = this[step.Inspection];
        if (step is InspectionNotice notice)
        {
            if (inspection is not null)
            {
                Fail("inspection", $"inspection '{notice.Inspection}' was noticed already by {inspection.Inspecting} (entry {inspection.Notice.Index}): choose another identifier");
                return problems;
            }

            if (!notice.Inspection.StartsWith(party.Value + "-", StringComparison.Ordinal))
            {
                Fail("inspection", $"an inspection's identifier starts with the inspecting party's code and '-' ({party}-…), so that two parties' identifiers never meet: '{notice.Inspection}'");
                return problems;
            }

            if (notice.Inspected == party)
            {
                Fail("inspected", $"{party} cannot inspect itself: an inspection is of another party's facilities");
                return problems;
            }

            var decision = InspectionQuotas.Decide(_treaty, Held, party, notice.Inspected, notice.Type, notice.Arrival);
            if (!decision.IsAllowed)
            {
                // The quota's use when the reason is the quota (used up, or not known), else the day of arrival.
                Fail(decision.Cause is null && decision.Line is not null ? "type" : "arrival", decision.Reason);
            }

            return problems;
        }

        if (inspection is null)
        {
            Fail("inspection", $"no inspection '{step.Inspection}' was noticed in the logs held: the inspecting party's {InspectionStatements.Notice} comes first");
            return problems;
        }

        var (inspecting, inspected) = (inspection.Inspecting, inspection.Inspected);
        bool By(PartyCode expected, string what)
        {
            if (party == expected)
            {
                return true;
            }

            Fail("inspection", $"{what} is stated by {expected} in inspection '{inspection.Id}' ({inspecting} inspecting {inspected}), not by {party}");
            return false;
        }

        bool Once(RecordInspectionStep? earlier, string what)
        {
            if (earlier is null)
            {
                return true;
            }

            Fail("inspection", $"{what} of inspection '{inspection.Id}' was stated already (entry {earlier.Index})");
            return false;
        }

        bool After(object? earlier, string what)
        {
            if (earlier is not null)
            {
                return true;
            }

            Fail("inspection", $"inspection '{inspection.Id}' has no {what} yet: it comes first");
            return false;
        }

        switch (step)
        {
            case SiteDesignation designation when By(inspecting, "the designation") && Once(inspection.Designation, "the designation"):
                if (SiteProblem(inspection, designation.Site) is { } siteProblem)
                {
                    Fail("site", siteProblem);
                }

                break;
            case SiteInformation information when By(inspected, "the pre-inspection information") && After(inspection.Designation, "designation") && Once(inspection.SiteInformation, "the pre-inspection information"):
                if (information.Site != inspection.Site)
                {
                    Fail("site", $"the site designated is '{inspection.Site}', not '{information.Site}'");
                }

                break;
            case SelectionCommitment when Party(party) && After(inspection.SiteInformation, "pre-inspection information") && NotSelected():
                if (inspection.Commitments.TryGetValue(party, out var committed))
                {
                    Fail("inspection", $"{party} committed to the draw of inspection '{inspection.Id}' already (entry {committed.Index})");
                }
                else if (inspection.Reveals.Count > 0)
                {
                    Fail("commitment", $"{string.Join(" and ", inspection.Reveals.Keys)} revealed already: a commitment made after a reveal could steer the draw");
                }

                break;
            case SelectionReveal reveal when Party(party) && NotSelected():
                if (inspection.Reveals.TryGetValue(party, out var revealed))
                {
                    Fail("inspection", $"{party} revealed its nonce for inspection '{inspection.Id}' already (entry {revealed.Index})");
                }
                else if (inspection.Parties.Where(p => !inspection.Commitments.ContainsKey(p)).ToList() is [var uncommitted, ..])
                {
                    Fail("inspection", $"{uncommitted} has not committed to the draw of inspection '{inspection.Id}': both commit before either reveals");
                }
                else if (!_draw.Matches(((SelectionCommitment)inspection.Commitments[party].Step).Commitment, reveal.Nonce))
                {
                    Fail("nonce", $"the nonce does not match {party}'s commitment (entry {inspection.Commitments[party].Index}): SHA-256 of the nonce must be the commitment");
                }

                break;
            case MissileSelection selection when By(inspecting, "the selection") && Once(inspection.Selection, "the selection") && After(inspection.SiteInformation, "pre-inspection information"):
                SelectionProblems(inspection, selection, Fail);
                break;
            case InspectionResult result when By(inspecting, "the result") && Once(inspection.Result, "the result"):
                if (inspection.Listed.IsEmpty && inspection.SiteInformation is not null && result.Counted.IsEmpty)
                {
                    break;
                }

                if (!After(inspection.Selection, "selection"))
                {
                    break;
                }

                var chosen = ((MissileSelection)inspection.Selection!.Step).Selected;
                if (chosen.IsEmpty)
                {
                    if (!result.Counted.IsEmpty)
                    {
                        Fail("counted", $"the selection of inspection '{inspection.Id}' is void ({string.Join(" and ", inspection.Withheld)} withheld a reveal): no missile may be counted");
                    }

                    break;
                }

                for (var i = 0; i < result.Counted.Length; i++)
                {
                    if (!chosen.Contains(result.Counted[i].Uid))
                    {
                        Fail($"counted[{i}].uid", $"missile '{result.Counted[i].Uid}' was not selected: the draw selected {string.Join(", ", chosen)}");
                    }
                }

                foreach (var uid in chosen.Where(u => result.Counted.All(c => c.Uid != u)))
                {
                    Fail("counted", $"missile '{uid}' was selected and is not counted: each selected missile is counted (raise an ambiguity, {InspectionStatements.Ambiguity}, about one that could not be)");
                }

                break;
            case InspectionReport when By(inspecting, "the report") && Once(inspection.Report, "the report"):
                After(inspection.Result ?? (inspection.Withheld.IsEmpty ? null : inspection.Selection), "result");
                break;
            case ReportAcknowledgement when By(inspected, "the acknowledgement") && Once(inspection.Acknowledgement, "the acknowledgement"):
                After(inspection.Report, "report");
                break;
            case InspectionAmbiguity ambiguity when Party(party):
                var raised = inspection.Ambiguities.Where(a => ((InspectionAmbiguity)a.Step.Step).Ambiguity == ambiguity.Ambiguity).Select(a => (InspectionAmbiguity)a.Step.Step).ToList();
                if (!ambiguity.Resolved && raised.Count > 0)
                {
                    Fail("ambiguity", $"ambiguity '{ambiguity.Ambiguity}' of inspection '{inspection.Id}' was raised already");
                }
                else if (ambiguity.Resolved && raised.Count == 0)
                {
                    Fail("ambiguity", $"no ambiguity '{ambiguity.Ambiguity}' was raised in inspection '{inspection.Id}'");
                }
                else if (ambiguity.Resolved && raised.Any(a => a.Resolved))
                {
                    Fail("ambiguity", $"ambiguity '{ambiguity.Ambiguity}' of inspection '{inspection.Id}' was resolved already");
                }

                break;
        }

        return problems;

        bool NotSelected()
        {
            if (inspection.Selection is null)
            {
                return true;
            }

            Fail("inspection", $"the selection of inspection '{inspection.Id}' was stated already (entry {inspection.Selection.Index}): the draw is over");
            return false;
        }

        bool Party(PartyCode p)
        {
            if (inspection.Parties.Contains(p))
            {
                return true;
            }

            Fail("inspection", $"{p} is not a party to inspection '{inspection.Id}' ({inspecting} inspecting {inspected})");
            return false;
        }
    }

    private void SelectionProblems(InspectionState inspection, MissileSelection selection, Action<string, string> fail)
    {
        var revealed = inspection.Parties.Where(inspection.Reveals.ContainsKey).ToList();
        if (selection.IsVoid)
        {
            for (var i = 0; i < selection.Withheld.Length; i++)
            {
                var p = selection.Withheld[i];
                if (!inspection.Parties.Contains(p))
                {
                    fail($"withheld[{i}]", $"{p} is not a party to inspection '{inspection.Id}'");
                }
                else if (inspection.Reveals.TryGetValue(p, out var reveal))
                {
                    fail($"withheld[{i}]", $"{p} revealed its nonce (entry {reveal.Index}): it did not withhold it");
                }
                else if (!inspection.Commitments.ContainsKey(p) && !inspection.Commitments.Any())
                {
                    fail($"withheld[{i}]", $"no party has committed to the draw of inspection '{inspection.Id}' yet: a reveal cannot be withheld before the draw");
                }
            }

            return;
        }

        if (revealed.Count < 2)
        {
            fail("selected", $"{string.Join(" and ", inspection.Parties.Except(revealed))} has not revealed its nonce: the draw has no seed yet (name it under 'withheld' to void the selection)");
            return;
        }

        if (selection.Selected.Length > inspection.Listed.Length)
        {
            fail("selected", $"{selection.Selected.Length} missiles selected of the {inspection.Listed.Length} the pre-inspection information lists");
            return;
        }

        var expected = Drawn(inspection, selection.Selected.Length);
        if (expected is null)
        {
            fail("selected", "the draw is void: the reveals do not conclude it");
        }
        else if (!expected.SequenceEqual(selection.Selected, StringComparer.Ordinal))
        {
            fail("selected", $"the draw (seed {inspection.Seed}) selects {string.Join(", ", expected)}, not {string.Join(", ", selection.Selected)}");
        }
    }

    /// <summary>The <paramref name="count"/> missiles of the pre-inspection information the inspection's draw selects,
    /// in draw order; <c>null</c> until both parties revealed matching nonces (the seed the trail derived from them).</summary>
    public ImmutableArray<string>? Drawn(InspectionState inspection, int count)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        if (inspection.Seed is not { } seed || count > inspection.Listed.Length)
        {
            return null;
        }

        return [.. _draw.Choose(seed, inspection.Listed.Length, count).Select(i => inspection.Listed[i].Uid)];
    }

    private JointDrawOutcome Conclude(InspectionState inspection) => _draw.Conclude(
        [.. inspection.Parties.Select(p => p.Value)],
        [.. inspection.Commitments.Select(c => (c.Key.Value, ((SelectionCommitment)c.Value.Step).Commitment))],
        [.. inspection.Reveals.Select(r => (r.Key.Value, ((SelectionReveal)r.Value.Step).Nonce))]);

    private string? SiteProblem(InspectionState inspection, string site)
    {
        var arrival = inspection.NoticeStep.Arrival;
        if (!_records.TryGetValue(inspection.Inspected, out var record))
        {
            return $"{inspection.Inspected}'s log is not held here: the site cannot be checked against its database";
        }

        if (record.Declarations.LastOrDefault(d => d.Database.AsOf <= arrival) is not { } declaration)
        {
            return $"no database of {inspection.Inspected} as of {arrival:yyyy-MM-dd} or before is in its log: a site is designated from the database";
        }

        var database = declaration.Database;
        if (Locations(database).Contains(site))
        {
            return null;
        }

        var known = Locations(database).Order(StringComparer.Ordinal).ToList();
        var shown = known.Count <= 8 ? string.Join(", ", known) : string.Join(", ", known.Take(8)) + $" and {known.Count - 8} more";
        return $"'{site}' is not a site in {inspection.Inspected}'s database as of {database.AsOf:yyyy-MM-dd} (entry {declaration.Index}): it lists {shown}";
    }

    private static HashSet<string> Locations(Database database) =>
        [.. database.Facilities.Select(f => f.Location).Concat(database.ListedItems().Values.Select(i => i.Location))];

    private void Apply(PartyCode party, RecordInspectionStep step)
    {
        if (step.Step is InspectionNotice)
        {
            _inspections[step.Step.Inspection] = new InspectionState(party, step);
            return;
        }

        var inspection = _inspections[step.Step.Inspection];
        switch (step.Step)
        {
            case SiteDesignation: inspection.Designation = step; break;
            case SiteInformation: inspection.SiteInformation = step; break;
            case SelectionCommitment: inspection.Commit(party, step); break;
            case SelectionReveal:
                inspection.Reveal(party, step);
                if (inspection.Reveals.Count == 2)
                {
                    inspection.Seed = Conclude(inspection).Seed;
                }

                break;
            case MissileSelection: inspection.Selection = step; break;
            case InspectionResult: inspection.Result = step; break;
            case InspectionReport: inspection.Report = step; break;
            case ReportAcknowledgement: inspection.Acknowledgement = step; break;
            case InspectionAmbiguity: inspection.Raise(party, step); break;
        }
    }

    // The result against the inspected party's record as of the arrival: its latest database then, with the changes it
    // notified after it up to that day (as every view derives its forces), and against its pre-inspection information.
    private ImmutableArray<InspectionFinding> FindingsOf(InspectionState inspection)
    {
        var arrival = inspection.NoticeStep.Arrival;
        if (inspection.Result?.Step is not InspectionResult result || inspection.Site is not { } site
            || !_records.TryGetValue(inspection.Inspected, out var record) || record.ForcesAt(arrival) is not { Basis: { } basis } forces)
        {
            return [];
        }

        var listed = forces.Listed.ToDictionary(i => i.Uid, StringComparer.Ordinal);
        var inRecord = forces.Applied.Length == 0
            ? Wordings.InRecord.With(inspection.Inspected.Value, arrival, basis.Database.AsOf, PhraseValue.Entry(basis.Index))
            : Wordings.InRecordWithChanges.With(inspection.Inspected.Value, arrival, basis.Database.AsOf, PhraseValue.Entry(basis.Index), forces.Applied.Length);
        var findings = new List<InspectionFinding>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(string uid, Phrase how)
        {
            if (!placed.Add(uid))
            {
                return;
            }

            if (!listed.TryGetValue(uid, out var item))
            {
                findings.Add(new(InspectionFindingKind.UndeclaredItem, uid, null, null, Wordings.NotInRecord.With(uid, how, site, inRecord)));
            }
            else if (item.Location != site)
            {
                findings.Add(new(InspectionFindingKind.DeclaredElsewhere, uid, null, null, Wordings.InRecordElsewhere.With(uid, how, site, item.Location, inRecord)));
            }
        }

        var information = inspection.SiteInformation?.Step as SiteInformation;
        var declared = information?.Missiles.ToDictionary(m => m.Uid, m => m.Warheads, StringComparer.Ordinal) ?? [];
        foreach (var counted in result.Counted)
        {
            Place(counted.Uid, Wordings.Counted.With());
            var (said, where) = declared.TryGetValue(counted.Uid, out var w) ? (w, Wordings.SiteInformation.With(PhraseValue.Entry(inspection.SiteInformation!.Index)))
                : listed.TryGetValue(counted.Uid, out var item) ? (item.Warheads, inRecord) : (-1, inRecord);
            if (said >= 0 && counted.Warheads > said)
            {
                findings.Add(new(InspectionFindingKind.MoreWarheadsThanDeclared, counted.Uid, said, counted.Warheads, Wordings.MoreCounted.With(counted.Warheads, counted.Uid, said, where)));
            }
        }

        if (information is not null)
        {
            foreach (var missile in information.Missiles)
            {
                Place(missile.Uid, Wordings.Listed.With());
                if (listed.TryGetValue(missile.Uid, out var item) && item.Warheads != missile.Warheads)
                {
                    findings.Add(new(InspectionFindingKind.SiteNumbersDiffer, missile.Uid, item.Warheads, missile.Warheads, Wordings.InformationDiffers.With(missile.Warheads, missile.Uid, inRecord, item.Warheads)));
                }
            }

            // The missiles the record places at the site (of the kinds and statuses of those the information lists that
            // it places there, or every item there carrying warheads when there are none such) that the information
            // leaves out: an item it lists that is undeclared or elsewhere is a finding of its own, not counted again.
            var matched = information.Missiles.Select(m => listed.GetValueOrDefault(m.Uid)).OfType<Items.Item>().Where(i => i.Location == site).ToList();
            var atSite = listed.Values.Where(i => i.Location == site
                && (matched.Count > 0 ? matched.Any(m => m.Kind == i.Kind && m.Status == i.Status) : i.Warheads > 0)).ToList();
            var left = atSite.Where(i => !declared.ContainsKey(i.Uid)).Select(i => i.Uid).Order(StringComparer.Ordinal).ToList();
            if (left.Count > 0)
            {
                findings.Add(new(InspectionFindingKind.SiteNumbersDiffer, site, atSite.Count, atSite.Count - left.Count,
                    Wordings.InformationLeavesOut.With(atSite.Count - left.Count, atSite.Count, inRecord, site, string.Join(", ", left))));
            }
        }

        if (result.Seen is { } seen)
        {
            foreach (var uid in seen)
            {
                Place(uid, Wordings.Seen.With());
            }

            // A missile counted was seen.
            var seenSet = seen.Concat(result.Counted.Select(c => c.Uid)).ToHashSet(StringComparer.Ordinal);
            foreach (var item in listed.Values.Where(i => i.Location == site && !seenSet.Contains(i.Uid)).OrderBy(i => i.Uid, StringComparer.Ordinal))
            {
                findings.Add(new(InspectionFindingKind.MissingFromSite, item.Uid, null, null, Wordings.NotSeen.With(item.Uid, PhraseValue.Kind(item.Kind), PhraseValue.Status(item.Status), site, inRecord)));
            }
        }

        return [.. findings];
    }
}
