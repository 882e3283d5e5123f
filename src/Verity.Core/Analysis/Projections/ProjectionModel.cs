using System.Collections.Immutable;
using Verity.Core.Forces;
using Verity.Core.Text;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// A projection model as data: its kind, its parameters and their ranges, and the source they come from. A named
/// variant of <c>data/forces/projections.yaml</c> (such as <c>dod-2024-china</c>) or a built-in model with default
/// parameters (<see cref="BuiltIn"/>: <c>trend</c>, <c>anchored</c>, <c>rate</c>, <c>hold</c>, <c>cap</c>).
/// </summary>
/// <remarks>
/// Every parameter left out has a documented default, so each kind applies to any state and measure; what a kind
/// cannot do without (two estimates for a trend, an anchor after the latest estimate) is reported when projecting, as
/// an <see cref="InputException"/>.
/// </remarks>
public sealed record ProjectionModel
{
    /// <summary>The default trend window: 10 years.</summary>
    public const int DefaultWindowYears = 10;

    /// <summary>
    /// The default relative spread of a figure that gives no range: ±10 %. A figure with only a value is drawn uniform on
    /// [value × 0.9, value × 1.1]; a figure with one bound takes the spread on the other side.
    /// </summary>
    public const double DefaultRelativeSpread = 0.10;

    /// <summary>The name it is chosen by, such as <c>trend</c> or <c>dod-2024-china</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The shape of the projection.</summary>
    public required ProjectionKind Kind { get; init; }

    /// <summary>What it projects, for people; <c>null</c> for the built-in models.</summary>
    public string? Title { get; init; }

    /// <summary>The URLs of the sources of its parameters; empty for the built-in models (they rest on the estimates only).</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The states it applies to; empty: any.</summary>
    public ImmutableArray<PartyCode> States { get; init; } = [];

    /// <summary>The measures it applies to; empty: any.</summary>
    public ImmutableArray<ForceMeasure> Measures { get; init; } = [];

    /// <summary>
    /// The years before the latest estimate whose estimates the trend fits (and the default rate averages): as-of dates
    /// in [latest − WindowYears, latest], inclusive. At least 1.
    /// </summary>
    public int WindowYears { get; init; } = DefaultWindowYears;

    /// <summary>
    /// The points an anchored model passes through; empty: the state's <c>official-projection</c> rows for the measure.
    /// </summary>
    public ImmutableArray<ProjectionAnchor> Anchors { get; init; } = [];

    /// <summary>
    /// The rate of a <see cref="ProjectionKind.Rate"/> model in <see cref="RateUnit"/>s; <c>null</c>: the mean yearly
    /// change between the first and the latest estimate of the window (absolute).
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>How <see cref="Rate"/> is given.</summary>
    public RateUnit RateUnit { get; init; } = RateUnit.PerYear;

    /// <summary>The low end of the rate's range for the Monte Carlo; <c>null</c> with <see cref="RateHigh"/>: the rate is fixed.</summary>
    public double? RateLow { get; init; }

    /// <summary>The high end of the rate's range for the Monte Carlo.</summary>
    public double? RateHigh { get; init; }

    /// <summary>A cap's ceiling; <c>null</c>: the latest estimate's central value (a freeze).</summary>
    public double? Ceiling { get; init; }

    /// <summary>The year a cap takes effect (as of 1 January); <c>null</c>: the first projected year.</summary>
    public int? FromYear { get; init; }

    /// <summary>The model a cap limits; <c>null</c>: <c>hold</c>.</summary>
    public ProjectionModel? Base { get; init; }

    /// <summary>The relative spread of figures that give no range (see <see cref="DefaultRelativeSpread"/>); 0 to 1.</summary>
    public double RelativeSpread { get; init; } = DefaultRelativeSpread;

    /// <summary>Where it was defined (<c>file:line</c>), or <c>built-in</c>.</summary>
    public string Origin { get; init; } = "built-in";

    /// <summary>The built-in models, one per kind, with default parameters.</summary>
    public static ImmutableArray<ProjectionModel> BuiltIns { get; } =
        [.. Enum.GetValues<ProjectionKind>().Select(kind => new ProjectionModel { Name = KindName(kind), Kind = kind })];

    /// <summary>The built-in model of a kind, with default parameters.</summary>
    public static ProjectionModel BuiltIn(ProjectionKind kind) => BuiltIns[(int)kind];

    /// <summary>The name of a kind as files and the command line write it: <c>trend</c>, <c>anchored</c>, <c>rate</c>, <c>hold</c>, <c>cap</c>.</summary>
    public static string KindName(ProjectionKind kind) => kind switch
    {
        ProjectionKind.Trend => "trend",
        ProjectionKind.Anchored => "anchored",
        ProjectionKind.Rate => "rate",
        ProjectionKind.Hold => "hold",
        ProjectionKind.Cap => "cap",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a projection kind"),
    };

    /// <summary>Reads a kind's name; <c>false</c> for anything else.</summary>
    public static bool TryParseKind(string? text, out ProjectionKind kind)
    {
        foreach (var candidate in Enum.GetValues<ProjectionKind>())
        {
            if (string.Equals(KindName(candidate), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Whether it may be applied to the state's measure (its <see cref="States"/> and <see cref="Measures"/> allow it).</summary>
    public bool AppliesTo(PartyCode state, ForceMeasure measure) =>
        (States.IsEmpty || States.Contains(state)) && (Measures.IsEmpty || Measures.Contains(measure));

    /// <summary>Its parameters in words, such as <c>rate: +100 a year (range 80 to 120)</c>, for tables and assumptions.</summary>
    public string Describe() => Described().English;

    /// <summary>Its parameters as a phrase (<see cref="Describe"/> in English), for a renderer to word in any language.</summary>
    public Phrase Described()
    {
        static PhraseValue N(double x) => PhraseValue.Amount(x, decimals: 3);
        var ranged = RateLow is not null || RateHigh is not null;
        var percent = RateUnit == RateUnit.Percent;
        return Kind switch
        {
            ProjectionKind.Trend => Wordings.ModelTrend.With(WindowYears),
            ProjectionKind.Anchored => Anchors.IsEmpty
                ? Wordings.ModelAnchoredRows.With()
                : Wordings.ModelAnchored.With(PhraseValue.List(Anchors.Select(a => a.Low is not null || a.High is not null
                    ? Wordings.ModelAnchorRange.With(N(a.Value), PhraseValue.Year(a.Year), N(a.Low ?? a.Value), N(a.High ?? a.Value))
                    : Wordings.ModelAnchor.With(N(a.Value), PhraseValue.Year(a.Year))), semicolons: false)),
            ProjectionKind.Rate => Rate is { } r
                ? ranged
                    ? (percent ? Wordings.ModelRatePercentRange : Wordings.ModelRateRange).With(PhraseValue.Amount(r, 3, withSign: true), N(RateLow ?? r), N(RateHigh ?? r))
                    : (percent ? Wordings.ModelRatePercent : Wordings.ModelRate).With(PhraseValue.Amount(r, 3, withSign: true))
                : Wordings.ModelRateMean.With(WindowYears),
            ProjectionKind.Hold => Wordings.ModelHold.With(),
            ProjectionKind.Cap => Wordings.ModelCap.With(
                Ceiling is { } c ? N(c) : Wordings.ModelLatestEstimate.With(),
                FromYear is { } y ? PhraseValue.Year(y) : Wordings.ModelFirstProjectedYear.With(),
                Base?.Name ?? "hold"),
            _ => Wordings.Statements.With(Kind.ToString()),
        };
    }
}
