using System.Collections.Immutable;
using Verity.Core.Records;

namespace Verity.Core.Inspections;

/// <summary>
/// One inspection as both parties' logs hold it: the steps each stated, where it stands, the selection's seed, what
/// was left out and why, and its findings against the inspected party's declarations. Derived by
/// <see cref="InspectionTrail"/>; never stored.
/// </summary>
public sealed class InspectionState
{
    private readonly Dictionary<PartyCode, RecordInspectionStep> _commitments = [];
    private readonly Dictionary<PartyCode, RecordInspectionStep> _reveals = [];
    private readonly List<(PartyCode Party, RecordInspectionStep Step)> _ambiguities = [];
    private readonly List<string> _problems = [];

    internal InspectionState(PartyCode inspecting, RecordInspectionStep notice)
    {
        Inspecting = inspecting;
        Notice = notice;
    }

    /// <summary>The inspection's identifier.</summary>
    public string Id => NoticeStep.Inspection;

    /// <summary>The inspecting party, whose quota it uses.</summary>
    public PartyCode Inspecting { get; }

    /// <summary>The inspected party.</summary>
    public PartyCode Inspected => NoticeStep.Inspected;

    /// <summary>The notice, in the inspecting party's log.</summary>
    public RecordInspectionStep Notice { get; }

    /// <summary>The notice's content.</summary>
    public InspectionNotice NoticeStep => (InspectionNotice)Notice.Step;

    /// <summary>The designation of the site, once stated.</summary>
    public RecordInspectionStep? Designation { get; internal set; }

    /// <summary>The designated site, once designated.</summary>
    public string? Site => (Designation?.Step as SiteDesignation)?.Site;

    /// <summary>The inspected party's pre-inspection information, once given.</summary>
    public RecordInspectionStep? SiteInformation { get; internal set; }

    /// <summary>The missiles the pre-inspection information lists, in order; empty before it is given.</summary>
    public ImmutableArray<MissileCount> Listed => (SiteInformation?.Step as SiteInformation)?.Missiles ?? [];

    /// <summary>Each party's commitment to the draw.</summary>
    public IReadOnlyDictionary<PartyCode, RecordInspectionStep> Commitments => _commitments;

    /// <summary>Each party's reveal.</summary>
    public IReadOnlyDictionary<PartyCode, RecordInspectionStep> Reveals => _reveals;

    /// <summary>The draw's seed, base64, once both parties revealed and the reveals match their commitments.</summary>
    public string? Seed { get; internal set; }

    /// <summary>The selection (or its voiding), once stated.</summary>
    public RecordInspectionStep? Selection { get; internal set; }

    /// <summary>The result, once stated.</summary>
    public RecordInspectionStep? Result { get; internal set; }

    /// <summary>The report, once stated.</summary>
    public RecordInspectionStep? Report { get; internal set; }

    /// <summary>The inspected party's acknowledgement of the report, once stated.</summary>
    public RecordInspectionStep? Acknowledgement { get; internal set; }

    /// <summary>The ambiguities raised and resolved, with the party that stated each, in the order read.</summary>
    public IReadOnlyList<(PartyCode Party, RecordInspectionStep Step)> Ambiguities => _ambiguities;

    /// <summary>The ambiguities raised and not resolved.</summary>
    public IEnumerable<InspectionAmbiguity> OpenAmbiguities =>
        _ambiguities.Select(a => (InspectionAmbiguity)a.Step.Step).Where(a => !a.Resolved)
            .Where(raised => !_ambiguities.Any(b => b.Step.Step is InspectionAmbiguity { Resolved: true } r && r.Ambiguity == raised.Ambiguity));

    /// <summary>Steps in either log that do not fit the inspection, each with its party, entry and reason; they are
    /// left out of it. A node that checks before signing never signs such a step.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The findings of the result against the inspected party's declarations (empty before a result).</summary>
    public ImmutableArray<InspectionFinding> Findings { get; internal set; } = [];

    /// <summary>The parties named as having withheld their reveal, when the selection is void.</summary>
    public ImmutableArray<PartyCode> Withheld => (Selection?.Step as MissileSelection)?.Withheld ?? [];

    /// <summary>Every stage an inspection can stand at, in the order it runs through them.</summary>
    public static ImmutableArray<string> Stages { get; } = ["noticed", "designated", "informed", "drawing", "selected", "void", "counted", "reported", "acknowledged"];

    /// <summary>Where the inspection stands: one of <see cref="Stages"/>.</summary>
    public string Stage => Acknowledgement is not null ? "acknowledged"
        : Report is not null ? "reported"
        : Result is not null ? "counted"
        : Selection is not null ? (Withheld.IsEmpty ? "selected" : "void")
        : _commitments.Count > 0 ? "drawing"
        : SiteInformation is not null ? "informed"
        : Designation is not null ? "designated"
        : "noticed";

    /// <summary>The next step and who states it, as a sentence; empty once acknowledged.</summary>
    public string Next => Stage switch
    {
        "noticed" => $"{Inspecting} designates the site ({InspectionStatements.Designation})",
        "designated" => $"{Inspected} gives the pre-inspection information ({InspectionStatements.SiteInformation})",
        "informed" => $"{Inspecting} and {Inspected} commit to the draw ({InspectionStatements.Commitment})",
        "drawing" when _commitments.Count < 2 => $"{string.Join(" and ", Parties.Where(p => !_commitments.ContainsKey(p)))} commits ({InspectionStatements.Commitment})",
        "drawing" when _reveals.Count < 2 => $"{string.Join(" and ", Parties.Where(p => !_reveals.ContainsKey(p)))} reveals ({InspectionStatements.Reveal})",
        "drawing" => $"{Inspecting} states the selection ({InspectionStatements.Selection})",
        "selected" => $"{Inspecting} records the result ({InspectionStatements.Result})",
        "void" or "counted" => $"{Inspecting} reports ({InspectionStatements.Report})",
        "reported" => $"{Inspected} acknowledges the report ({InspectionStatements.Acknowledgement})",
        _ => string.Empty,
    };

    /// <summary>The two parties, in the draw's order: the inspecting party, then the inspected party.</summary>
    public IReadOnlyList<PartyCode> Parties => [Inspecting, Inspected];

    internal void Commit(PartyCode party, RecordInspectionStep step) => _commitments[party] = step;

    internal void Reveal(PartyCode party, RecordInspectionStep step) => _reveals[party] = step;

    internal void Raise(PartyCode party, RecordInspectionStep step) => _ambiguities.Add((party, step));

    internal void Problem(string problem) => _problems.Add(problem);
}
