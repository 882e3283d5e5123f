using System.Collections.Immutable;
using System.Globalization;
using Verity.Core.Forces;
using Verity.Core.Text;

namespace Verity.Core.Analysis.Projections;

/// <summary>
/// Projects one state's measure from its estimates with a <see cref="ProjectionModel"/>, year by year to a horizon, at
/// central values and by Monte Carlo over the ranges of the figures it rests on and of the model's parameters.
/// </summary>
/// <remarks>
/// <para>What counts as an estimate: rows with basis <c>declared</c> or <c>estimate</c> and a central value. An
/// <c>official-projection</c> row is a future figure, used only as an anchor; a <c>statement</c> is a claim, not a count;
/// an <c>undisclosed</c> row has no value. A row with only a floor ("more than 600") stands at the floor, one with only a ceiling at the ceiling. Several rows on one as-of date make one point: the most recently published;
/// rows published the same day are averaged.</para>
/// <para>The time axis is in years, a date at its year plus the fraction gone by; year Y of the output is 1 January Y.
/// The start is the latest estimate; the first year projected is the first whole year at or after it. Uncertainty:
/// every figure is drawn uniform on [low, high], a missing bound replaced by the model's relative spread (default
/// ±10 %) around the central value; a parameter with a range is drawn uniform on it; all draws are independent. Values
/// below zero are read as zero (a count is never negative). Percentiles interpolate linearly between order statistics.</para>
/// </remarks>
public static class Projector
{
    private static readonly EstimateBasis[] Counts = [EstimateBasis.Declared, EstimateBasis.Estimate];

    /// <summary>Projects <paramref name="state"/>'s <paramref name="measure"/> with <paramref name="model"/>.</summary>
    /// <exception cref="InputException">The model does not apply to the state's measure, or the estimates do not give it
    /// what it needs (no estimate at all, fewer than two estimates in a trend's window, no anchor after the latest
    /// estimate, a horizon before the first projected year); the diagnostic names the model, the state and the measure.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options' trials are not 1 to <see cref="ProjectionOptions.MaxTrials"/>,
    /// or the model's window or spread is out of range.</exception>
    public static Projection Project(EstimateSet estimates, PartyCode state, ForceMeasure measure, ProjectionModel model, ProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Trials, ProjectionOptions.MaxTrials, nameof(options));

        var context = new Context(estimates, state, measure, model);
        var observations = Observation.Of(estimates, state, measure, model.RelativeSpread, Counts);
        if (observations.IsEmpty)
        {
            throw context.Needs(Wordings.NeedsEstimate.With(estimates.Origin));
        }

        var latest = observations[^1];
        var firstYear = (int)Math.Ceiling(latest.T);
        if (options.Horizon < firstYear)
        {
            throw context.Needs(Wordings.NeedsHorizon.With(PhraseValue.Year(firstYear), latest.AsOf, PhraseValue.Year(options.Horizon)));
        }

        var assumptions = new List<Phrase>
        {
            Wordings.ProjectionStated.With(state.Value, PhraseValue.Measure(measure.Value), model.Name, model.Described(), PhraseValue.Year(firstYear), PhraseValue.Year(options.Horizon)),
        };
        var rows = new List<Estimate>();
        var plan = Build(context, model, observations, firstYear, assumptions, rows);

        var years = options.Horizon - firstYear + 1;
        var times = new double[years];
        for (var i = 0; i < years; i++)
        {
            times[i] = firstYear + i;
        }

        var path = new double[years];
        var unused = default(Xoshiro256StarStar);
        plan.Fill(ref unused, central: true, times, path);
        var samples = new double[years][];
        for (var i = 0; i < years; i++)
        {
            samples[i] = new double[options.Trials];
        }

        var random = Xoshiro256StarStar.ForSeries(options.Seed, $"{state}|{measure}");
        var trial = new double[years];
        for (var t = 0; t < options.Trials; t++)
        {
            plan.Fill(ref random, central: false, times, trial);
            for (var i = 0; i < years; i++)
            {
                samples[i][t] = Math.Max(0, trial[i]);
            }
        }

        var points = ImmutableArray.CreateBuilder<ProjectedYear>(years);
        var sorted = new double[options.Trials];
        for (var i = 0; i < years; i++)
        {
            samples[i].CopyTo(sorted, 0);
            Array.Sort(sorted);
            points.Add(new ProjectedYear(firstYear + i, Math.Max(0, path[i]), Percentile.OfSorted(sorted, 0.10), Percentile.OfSorted(sorted, 0.50), Percentile.OfSorted(sorted, 0.90)));
        }

        assumptions.Add(Wordings.ProjectionUncertainty.With(PhraseValue.Amount(options.Trials, decimals: 0), PhraseValue.Entry(options.Seed), PhraseValue.Amount(model.RelativeSpread * 100)));
        assumptions.Add(Wordings.ProjectionRandom.With($"{state}|{measure}"));
        assumptions.Add(Wordings.ProjectionOnePoint.With());

        return new Projection(
            state,
            measure,
            model,
            options,
            latest.AsOf,
            latest.Central,
            latest.Low,
            latest.High,
            [.. assumptions],
            [.. rows.Distinct().OrderBy(r => r.AsOf).ThenBy(r => r.Published)],
            points.MoveToImmutable(),
            samples);
    }

    /// <summary>
    /// The first year a projection of the state's measure covers: the first whole year at or after its latest estimate;
    /// <c>null</c> when it has no estimate (basis declared or estimate, with a figure).
    /// </summary>
    public static int? FirstYear(EstimateSet estimates, PartyCode state, ForceMeasure measure) =>
        LatestEstimate(estimates, state, measure) is { } latest ? (int)Math.Ceiling(Observation.TimeOf(latest)) : null;

    /// <summary>The as-of date of the state's latest estimate of the measure; <c>null</c> when it has none.</summary>
    public static NodaTime.LocalDate? LatestEstimate(EstimateSet estimates, PartyCode state, ForceMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var observations = Observation.Of(estimates, state, measure, 0, Counts);
        return observations.IsEmpty ? null : observations[^1].AsOf;
    }

    private static Plan Build(Context context, ProjectionModel model, ImmutableArray<Observation> observations, int firstYear, List<Phrase> assumptions, List<Estimate> rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(model.WindowYears, 1, nameof(model));
        if (model.RelativeSpread is < 0 or > 1 || double.IsNaN(model.RelativeSpread))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model.RelativeSpread, "the relative spread is 0 to 1");
        }

        if (!model.AppliesTo(context.State, context.Measure))
        {
            throw context.Needs(Wordings.NeedsApplies.With(string.Join(", ", model.States), string.Join(", ", model.Measures), model.Origin));
        }

        var latest = observations[^1];
        var start = new Start(latest.T, latest.Central, latest.Low, latest.High);
        void UseStart()
        {
            rows.AddRange(latest.Rows);
            assumptions.Add(Wordings.ProjectionStart.With(N(latest.Central), latest.AsOf, Origins(latest), N(latest.Low), N(latest.High)));
        }

        ImmutableArray<Observation> Window()
        {
            var from = latest.T - model.WindowYears - 1e-9;
            return [.. observations.Where(o => o.T >= from)];
        }

        switch (model.Kind)
        {
            case ProjectionKind.Hold:
                UseStart();
                return new HoldPlan(start);

            case ProjectionKind.Rate:
                {
                    UseStart();
                    double rate;
                    if (model.Rate is { } given)
                    {
                        rate = given;
                    }
                    else
                    {
                        var window = Window();
                        if (window.Length < 2)
                        {
                            throw context.Needs(Wordings.NeedsRateWindow.With(model.WindowYears, latest.AsOf, window.Length));
                        }

                        rate = (window[^1].Central - window[0].Central) / (window[^1].T - window[0].T);
                        rows.AddRange(window[0].Rows);
                        assumptions.Add(Wordings.ProjectionMeanRate.With(N(window[0].Central), window[0].AsOf, Origins(window[0]), N(window[^1].Central), window[^1].AsOf, N(rate)));
                    }

                    var low = model.RateLow ?? rate;
                    var high = model.RateHigh ?? rate;
                    if (model.RateLow is not null || model.RateHigh is not null)
                    {
                        assumptions.Add((model.RateUnit == RateUnit.Percent ? Wordings.ProjectionRateDrawnPercent : Wordings.ProjectionRateDrawn).With(N(low), N(high)));
                    }

                    return new RatePlan(start, rate, low, high, model.RateUnit);
                }

            case ProjectionKind.Anchored:
                {
                    UseStart();
                    var anchors = new List<(double T, double Value, double Low, double High, PhraseValue When, string Label)>();
                    if (!model.Anchors.IsEmpty)
                    {
                        if (model.Anchors.Select(a => a.Year).Distinct().Count() != model.Anchors.Length)
                        {
                            throw new ArgumentException($"the anchors of '{model.Name}' name a year twice", nameof(model));
                        }

                        anchors.AddRange(model.Anchors.OrderBy(a => a.Year).Select(a => (
                            (double)a.Year,
                            a.Value,
                            Math.Min(a.Value, a.Low ?? (a.Value * (1 - model.RelativeSpread))),
                            Math.Max(a.Value, a.High ?? (a.Value * (1 + model.RelativeSpread))),
                            (PhraseValue)Wordings.ProjectionFirstJanuary.With(PhraseValue.Year(a.Year)),
                            $"{model.Name}: {a.Source}")));
                    }
                    else
                    {
                        foreach (var o in Observation.Of(context.Estimates, context.State, context.Measure, model.RelativeSpread, EstimateBasis.OfficialProjection))
                        {
                            anchors.Add((o.T, o.Central, o.Low, o.High, o.AsOf, Origins(o)));
                            if (o.T > latest.T)
                            {
                                rows.AddRange(o.Rows);
                            }
                        }
                    }

                    var dropped = anchors.Count(a => a.T <= latest.T);
                    anchors.RemoveAll(a => a.T <= latest.T);
                    if (anchors.Count == 0)
                    {
                        throw context.Needs(dropped > 0 ? Wordings.NeedsAnchorAfter.With(latest.AsOf, dropped) : Wordings.NeedsAnchor.With(latest.AsOf));
                    }

                    foreach (var a in anchors)
                    {
                        assumptions.Add(Wordings.ProjectionAnchor.With(N(a.Value), a.When, a.Label, N(a.Low), N(a.High)));
                    }

                    if (dropped > 0)
                    {
                        assumptions.Add(Wordings.ProjectionAnchorsLeftOut.With(dropped));
                    }

                    return new AnchoredPlan(start, [.. anchors.Select(a => a.T)], [.. anchors.Select(a => a.Value)], [.. anchors.Select(a => a.Low)], [.. anchors.Select(a => a.High)]);
                }

            case ProjectionKind.Trend:
                {
                    var window = Window();
                    if (window.Length < 2)
                    {
                        throw context.Needs(Wordings.NeedsTrendWindow.With(model.WindowYears, latest.AsOf, latest.AsOf.PlusYears(-model.WindowYears), window.Length));
                    }

                    foreach (var o in window)
                    {
                        rows.AddRange(o.Rows);
                    }

                    var plan = new TrendPlan(window);
                    var (slope, _) = plan.CentralFit();
                    assumptions.Add(Wordings.ProjectionTrend.With(window.Length, window[0].AsOf, latest.AsOf, PhraseValue.Amount(slope, withSign: true)));
                    return plan;
                }

            case ProjectionKind.Cap:
                {
                    var baseModel = model.Base ?? ProjectionModel.BuiltIn(ProjectionKind.Hold);
                    if (baseModel.Kind == ProjectionKind.Cap && ReferenceEquals(baseModel, model))
                    {
                        throw new ArgumentException($"the cap '{model.Name}' is its own base", nameof(model));
                    }

                    var basePlan = Build(context with { Model = baseModel }, baseModel, observations, firstYear, assumptions, rows);
                    var ceiling = model.Ceiling ?? latest.Central;
                    var from = model.FromYear ?? firstYear;
                    if (model.Ceiling is null)
                    {
                        rows.AddRange(latest.Rows);
                    }

                    assumptions.Add(model.Ceiling is null
                        ? Wordings.ProjectionCapLatest.With(N(ceiling), Origins(latest), PhraseValue.Year(from), baseModel.Name)
                        : Wordings.ProjectionCap.With(N(ceiling), PhraseValue.Year(from), baseModel.Name));
                    return new CapPlan(basePlan, ceiling, from);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(model), model.Kind, "not a projection kind");
        }
    }

    private static PhraseValue N(double x) => PhraseValue.Amount(x);

    private static string Origins(Observation o) => string.Join("; ", o.Rows.Select(r => r.Origin));

    private sealed record Context(EstimateSet Estimates, PartyCode State, ForceMeasure Measure, ProjectionModel Model)
    {
        /// <summary>The error for what the model needs and the data lack: its message names the state's measure, and
        /// <see cref="Diagnostic.Said"/> says the rest as a phrase.</summary>
        public InputException Needs(Phrase what)
        {
            var said = Wordings.Needs.With(Model.Name, what);
            return new(new Diagnostic(Model.Origin == "built-in" ? "--model" : Model.Origin, 0, 0, $"model {Model.Name}", $"{State} {Measure}: {said.English}") { Said = said });
        }
    }
}
