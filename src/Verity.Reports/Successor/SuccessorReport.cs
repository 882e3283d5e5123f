using System.Globalization;
using System.Text;
using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Reports.Charts;

namespace Verity.Reports.Successor;

/// <summary>
/// The report "After New START": the five states' sourced figures, when China's measures reach the United States',
/// a fan chart per projection (the estimates as points with their sources, the p10-p90 band, the central path), and
/// each draft with every party's and group's band against its ceiling, with the comparison table.
/// </summary>
/// <remarks>One page in the shell of <see cref="HtmlPage"/>: no scripts, no external resources. Every projected figure
/// is labelled projected; estimates name their source; unknown values are shown as unknown, never as zero.</remarks>
public static class SuccessorReport
{
    private static readonly string[] Colours = ["#1f5aa6", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#7f8c8d"];

    /// <summary>The report's page, a whole HTML document.</summary>
    public static string Render(SuccessorPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = page.Comparison;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>After New START: forces, projections and proposals</h1>
            <p class="lede">Estimates are sourced figures (<code>{E(page.Estimates.Origin)}</code>, every row with its source);
            projections are <strong>projected, not measured</strong> — model, seed and trials are named with each; draft
            treaties are proposals, their numbers illustrative where the file says so.</p>
            """);
        if (page.TodayAt is { } at && !page.Today.IsEmpty)
        {
            html.Append(Today(page, at));
        }

        if (!page.Parities.IsEmpty)
        {
            html.Append(Parities(page));
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"projections\">Projections</h2>\n<p class=\"note\">Each chart: the estimates as points (hover for the source and the row), the projection's p10–p90 band and its central path (dashed). Every projection's assumptions are under it.</p>\n");
        foreach (var projection in result.Projections)
        {
            html.Append(Fan(page.Estimates, projection));
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="drafts">Drafts compared in {result.Settings.Year}</h2>
            <p>Each limit against the projected value of each party and group on 1 January {result.Settings.Year}; a group sums its members
            trial by trial. A draft without entry into force is assumed to enter into force on {D(result.Settings.EntryIntoForce)}.
            <em>Cut</em> is what the median path must lose to meet the ceiling; <em>breaks in</em> the first year the median path is above the ceiling in force.</p>
            """);
        foreach (var draft in result.Drafts)
        {
            html.Append(Draft(draft, result));
        }

        if (!result.Gaps.IsEmpty)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Not projected</h2><ul>{string.Concat(result.Gaps.Select(g => $"<li>{E(g)}</li>"))}</ul>\n");
        }

        return HtmlPage.Render("en", "After New START: forces, projections and proposals", html.ToString(), bodyClass: "report",
            footer: $"Estimates: <code>{E(page.Estimates.Origin)}</code>. Drafts: <code>data/treaties/drafts/</code>. Projections: <code>data/forces/projections.yaml</code>; {result.Options.Trials.ToString("N0", CultureInfo.InvariantCulture)} trials, seed {result.Options.Seed}.");
    }

    private static string Today(SuccessorPage page, LocalDate at)
    {
        var measures = page.Today.Select(f => f.Measure).Distinct().ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"today\">The five states on {D(at)}</h2>\n<div class=\"scroll\"><table><thead><tr><th>State</th>");
        foreach (var m in measures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(m.Value)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var state in page.Today.Select(f => f.State).Distinct())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(state.Value)}</td>");
            foreach (var m in measures)
            {
                var figure = page.Today.FirstOrDefault(f => f.State == state && f.Measure == m);
                html.Append(CultureInfo.InvariantCulture, $"<td>{Figure(figure)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>\n<p class=\"note\">Each figure is the one the precedence rules (<code>data/forces/precedence.yaml</code>) pick among the rows as of the date; hover a figure for the rows passed over.</p>\n");
        return html.ToString();
    }

    private static string Figure(ForceFigure? figure)
    {
        if (figure?.Picked is not { } row)
        {
            return "<span class=\"none\">unknown</span>";
        }

        if (figure.IsUndisclosed)
        {
            return $"<span class=\"none\" title=\"{E(row.Note ?? string.Empty)}\">undisclosed</span> <a href=\"{E(row.Source)}\">source</a>";
        }

        var value = row.Value is { } v ? N(v) : $"{(row.Low is { } l ? N(l) : "?")}–{(row.High is { } h ? N(h) : "?")}";
        var outranked = figure.PassedOver.Where(p => p.Reason == PassReason.Outranked).ToList();
        var passed = outranked.Count == 0 ? string.Empty : $"; passed over: {string.Join("; ", outranked.Select(p => $"{p.Row.Value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—"} ({Host(p.Row.Source)}, {p.Why})"))}";
        return $"<span title=\"{E($"{Word(row.Basis)} as of {D(row.AsOf)}, rule {figure.Rule}{passed}")}\">{value}</span> <a href=\"{E(row.Source)}\">{E(Host(row.Source))}</a> <span class=\"note\">{E(Word(row.Basis))}, {D(row.AsOf)}</span>";
    }

    private static string Parities(SuccessorPage page)
    {
        var html = new StringBuilder("<h2 id=\"parity\">When would one state's measure reach another's?</h2>\n<table><thead><tr><th>State</th><th>Against</th><th>Measure</th><th>Central</th><th>Early (p10)</th><th>Late (p90)</th><th>Trials reaching</th></tr></thead><tbody>");
        foreach (var p in page.Parities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.State.Value)}</td><td>{E(p.Against.Value)}</td><td class=\"text\">{E(p.Measure.Value)}</td><td>{Year(p.Year, p.Horizon)}</td><td>{Year(p.YearP10, p.Horizon)}</td><td>{Year(p.YearP90, p.Horizon)}</td><td>{p.Reached:P0}</td></tr>");
        }

        html.Append("</tbody></table>\n<p class=\"note\">The first year (as of 1 January) the projected measure of the first state is at least the second's: on the central paths, and the years by which 10 % and 90 % of the paired trials have crossed.</p>\n");
        return html.ToString();
    }

    private static string Year(int? year, int horizon) => year?.ToString(CultureInfo.InvariantCulture) ?? $"not before {horizon.ToString(CultureInfo.InvariantCulture)}";

    private static string Fan(EstimateSet estimates, Projection projection)
    {
        var rows = estimates.For(projection.State, projection.Measure).Where(r => r.Central is not null && r.AsOf.Year >= 2010).ToList();
        var start = new LocalDate(Math.Min(2010, rows.Count > 0 ? rows.Min(r => r.AsOf.Year) : projection.FirstYear), 1, 1);
        var end = new LocalDate(projection.Horizon, 1, 1);
        var max = Math.Max(rows.Select(r => (double)(r.High ?? r.Value ?? r.Low ?? 0)).DefaultIfEmpty(0).Max(), projection.Points.Max(p => p.P90));
        var chart = new TimeChart(start, end, Math.Max(1, max)).Grid();
        chart.ValueBand(projection.Points.Select(p => (new LocalDate(p.Year, 1, 1), p.P10, p.P90)), "#1f5aa6", "band", $"p10 to p90 over {projection.Trials:N0} trials");
        chart.Series(projection.Points.Select(p => (new LocalDate(p.Year, 1, 1), p.Central)), "#1f5aa6", "central", dashed: true);
        foreach (var row in rows)
        {
            var colour = row.Basis == EstimateBasis.OfficialProjection ? "#d35400" : row.Basis == EstimateBasis.Declared ? "#2e8b57" : "#444";
            chart.Dot(row.AsOf, row.Central!.Value, colour, $"{N(row.Value ?? (long)row.Central.Value)} as of {D(row.AsOf)}: {Word(row.Basis)}, {row.Source} ({row.Origin})", hollow: row.Basis != EstimateBasis.Declared);
        }

        var id = $"fan-{projection.State}-{projection.Measure.Value.Replace(':', '-')}";
        var last = projection.Points[^1];
        return $"""
            <figure>
            {chart.ToSvg(id, $"{projection.State} {projection.Measure}: estimates and projection", $"Estimates as points; projected by {projection.Model.Name}, p10 to p90 band")}
            <figcaption><strong>{E(projection.State.Value)} {E(projection.Measure.Value)}</strong>, projected by <code>{E(projection.Model.Name)}</code> ({E(projection.Model.Describe())}):
            {last.Year}: p10 {N(last.P10)}, p50 {N(last.P50)}, p90 {N(last.P90)}. Points: estimates (hollow), declarations (filled green), official projections (orange); hover for the source.
            <details><summary>Assumptions</summary><ul>{string.Concat(projection.Assumptions.Select(a => $"<li>{E(a)}</li>"))}</ul></details></figcaption>
            </figure>

            """;
    }

    private static string Draft(DraftComparison draft, ProposalsResult result)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"draft-{E(draft.DraftId.Replace(':', '-'))}\">{E(draft.Name)} <code>{E(draft.DraftId)}</code></h3>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{(draft.MustCutMost is { } most ? $"Must cut most: <strong>{E(most.Scope)}</strong>, {N(most.Cut)} ({E(most.LimitId)})." : "No party or group must cut in this year.")}{(draft.EntryIntoForceAssumed ? $" Entry into force assumed {D(draft.EntryIntoForce)}." : string.Empty)}</p>\n");
        foreach (var limit in draft.Limits.GroupBy(l => l.LimitId))
        {
            var withPath = limit.Where(l => !l.Path.IsEmpty).ToList();
            if (withPath.Count == 0)
            {
                continue;
            }

            var start = new LocalDate(withPath.Min(l => l.Path[0].Year), 1, 1);
            var end = new LocalDate(result.Settings.Horizon, 1, 1);
            var max = Math.Max(withPath.Max(l => l.Path.Max(p => p.P90)), withPath.Max(l => (double)(l.Max ?? 0)));
            var chart = new TimeChart(start, end, Math.Max(1, max)).Grid();
            for (var i = 0; i < withPath.Count; i++)
            {
                var row = withPath[i];
                var colour = Colours[i % Colours.Length];
                chart.ValueBand(row.Path.Select(p => (new LocalDate(p.Year, 1, 1), p.P10, p.P90)), colour, "band", $"{row.Scope}: p10 to p90", [KeyValuePair.Create("data-scope", row.Scope)]);
                chart.Series(row.Path.Select(p => (new LocalDate(p.Year, 1, 1), p.P50)), colour, "median", attributes: [KeyValuePair.Create("data-scope", row.Scope)]);
                if (row.Max is { } ceiling)
                {
                    chart.Ceiling(row.LimitId, ceiling, start, end, $"{row.Scope} ≤ {N(ceiling)}", $"{row.Scope}: {row.CeilingBasis}");
                }
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                <figure>
                {chart.ToSvg($"chart-{draft.DraftId.Replace(':', '-')}-{limit.Key}", $"{draft.DraftId} {limit.Key}", "Each scope's projected band against its ceiling")}
                <figcaption>{E(withPath[0].Name)}: each party's and group's projected median and p10–p90 band against its ceiling.</figcaption>
                </figure>

                """);
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th>Limit</th><th>Scope</th><th>Measure</th><th>Max</th><th>p10</th><th>p50</th><th>p90</th><th>Margin</th><th>Cut</th><th>Breaks in</th><th>Status</th></tr></thead><tbody>");
        foreach (var l in draft.Limits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{E(l.LimitId)}</td><td class=\"text\">{E(l.Scope)}</td><td class=\"text\">{E(l.Measure?.Value ?? "—")}</td><td title=\"{E(l.CeilingBasis)}\">{(l.Max is { } m ? N(m) : "—")}</td><td>{N(l.P10)}</td><td>{N(l.P50)}</td><td>{N(l.P90)}</td><td>{N(l.Margin)}</td><td>{(l.Cut is > 0 ? $"<span class=\"miss\">{N(l.Cut)}</span>" : N(l.Cut))}</td><td>{l.BreaksIn?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td><td class=\"text\" title=\"{E(l.Note ?? string.Empty)}\">{E(Verity.Core.Compliance.StatusWords.Of(l.Status))}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
        return html.ToString();
    }

    private static string Word(EstimateBasis basis) => basis switch
    {
        EstimateBasis.Declared => "declared",
        EstimateBasis.Estimate => "estimate",
        EstimateBasis.OfficialProjection => "official projection",
        EstimateBasis.Statement => "statement",
        EstimateBasis.Undisclosed => "undisclosed",
        _ => basis.ToString(),
    };

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    private static string N(double? x) => x is { } v ? Math.Round(v, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string D(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string text) => HtmlPage.Encode(text);
}
