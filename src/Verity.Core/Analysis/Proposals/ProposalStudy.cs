using System.Collections.Immutable;
using Verity.Core.Analysis.Projections;
using Verity.Core.Forces;
using Verity.Core.Text;
using Verity.Core.Treaties;

namespace Verity.Core.Analysis.Proposals;

/// <summary>
/// Every draft compared under one projection model: each state's measure is projected once (the model where it
/// applies, <c>hold</c> where it does not, such as the Pentagon's path for China applied to France), and the same
/// projections serve every draft, so that the drafts are set against the same futures.
/// </summary>
/// <remarks>Pure. A state's measure that cannot be projected (no estimates, or fewer than the model needs) is
/// unknown in every draft, and the reason is kept in <see cref="ProposalsResult.Gaps"/>.</remarks>
public static class ProposalStudy
{
    /// <summary>Compares the drafts.</summary>
    /// <param name="drafts">The drafts, each with its variant applied if one was chosen.</param>
    /// <param name="estimates">The estimates projected and frozen from.</param>
    /// <param name="precedence">How a freeze's level is picked among the estimates.</param>
    /// <param name="model">The projection model.</param>
    /// <param name="options">Horizon, trials and seed of the projections.</param>
    /// <param name="settings">The year compared, the entry into force assumed, the horizon searched.</param>
    public static ProposalsResult Compare(
        IEnumerable<Treaty> drafts,
        EstimateSet estimates,
        Precedence precedence,
        ProjectionModel model,
        ProjectionOptions options,
        ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(precedence);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);

        var fallback = ProjectionModel.BuiltIn(ProjectionKind.Hold);
        var projections = new Dictionary<(PartyCode, ForceMeasure), Projection?>();
        var gaps = new Dictionary<(PartyCode, ForceMeasure), ImmutableArray<Phrase>>();
        Projection? Project(PartyCode state, ForceMeasure measure)
        {
            if (projections.TryGetValue((state, measure), out var known))
            {
                return known;
            }

            var chosen = model.AppliesTo(state, measure) ? model : fallback;
            Projection? projection = null;
            try
            {
                projection = Projector.Project(estimates, state, measure, chosen, options);
            }
            catch (InputException e)
            {
                gaps[(state, measure)] = [.. e.Diagnostics.Select(d => d.Said ?? Wordings.Statements.With(d.Message))];
            }

            projections[(state, measure)] = projection;
            return projection;
        }

        var compared = drafts
            .Select(d => ProposalComparer.Compare(d, settings, Project, (state, measure, date) => FigurePicker.Pick(estimates, precedence, state, measure, date)))
            .ToImmutableArray();
        return new ProposalsResult(
            settings,
            model,
            options,
            compared,
            [.. projections.Values.OfType<Projection>().OrderBy(p => p.State.Value, StringComparer.Ordinal).ThenBy(p => p.Measure.Value, StringComparer.Ordinal)],
            [.. gaps.OrderBy(g => g.Key.Item1.Value, StringComparer.Ordinal).Select(g => Wordings.Gap.With(g.Key.Item1.Value, PhraseValue.Measure(g.Key.Item2.Value), PhraseValue.List(g.Value, semicolons: true)))]);
    }
}
