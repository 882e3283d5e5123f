using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using System.Text;
using NodaTime;
using Verity.Core.Analysis.Projections;
using Verity.Core.Analysis.Proposals;
using Verity.Core.Forces;
using Verity.Core.Text;
using Verity.Reports.Charts;
using Verity.Reports.Languages;

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

    private static readonly string[] ParityColumns = ["Column_State", "Column_Against", "Column_Measure", "Column_Central", "Column_Early", "Column_Late", "Column_Reaching"];

    private static readonly string[] DraftColumns = ["Column_Limit", "Column_Scope", "Column_Measure", "Column_Max", "Column_P10", "Column_P50", "Column_P90", "Column_Margin", "Column_Cut", "Column_BreaksIn", "Column_Status"];

    private static readonly ResourceManager Resources = new("Verity.Reports.Successor.SuccessorStrings", typeof(SuccessorReport).Assembly);

    /// <summary>The languages the report is written in.</summary>
    public static ImmutableArray<Language> Translated { get; } = Languages.Languages.All;

    /// <summary>The report's page, a whole HTML document.</summary>
    /// <param name="page">What the page shows.</param>
    /// <param name="language">The language to write in (default English). The sentences the projections and the
    /// comparison state about themselves (assumptions, a ceiling's basis, why a figure is unknown) are English in
    /// every language, marked <c>lang="en"</c>.</param>
    public static string Render(SuccessorPage page, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var t = new ReportText(Resources, language ?? Languages.Languages.English);
        var result = page.Comparison;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{E(t.Get("Title"))}</h1>
            <p class="lede">{t.Html("Lede", $"<code>{E(page.Estimates.Origin)}</code>", $"<strong>{E(t.Get("Lede_Projected"))}</strong>")}</p>
            """);
        if (t.Language.Code != "en")
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(t.Get("InEnglish"))}</p>""");
        }

        if (page.TodayAt is { } at && !page.Today.IsEmpty)
        {
            html.Append(Today(page, at, t));
        }

        if (!page.Parities.IsEmpty)
        {
            html.Append(Parities(page, t));
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"projections\">{E(t.Get("Projections"))}</h2>\n<p class=\"note\">{E(t.Get("Projections_Note"))}</p>\n");
        foreach (var projection in result.Projections)
        {
            html.Append(Fan(page.Estimates, projection, t));
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2 id="drafts">{E(t.Get("Drafts", t.Y(result.Settings.Year)))}</h2>
            <p>{t.Html("Drafts_Lede", t.Y(result.Settings.Year), E(t.D(result.Settings.EntryIntoForce)), $"<em>{E(t.Get("Column_Cut"))}</em>", $"<em>{E(t.Get("Column_BreaksIn"))}</em>")}</p>
            """);
        foreach (var draft in result.Drafts)
        {
            html.Append(Draft(draft, result, t));
        }

        if (!result.Gaps.IsEmpty)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(t.Get("Gaps"))}</h2><ul>{string.Concat(result.Gaps.Select(g => $"<li>{E(Words(t).Word(g))}</li>"))}</ul>\n");
        }

        var printed = t.Get("Print_Header", page.TodayAt is { } day ? t.D(day) : t.Y(result.Settings.Year), page.Estimates.Origin);
        return HtmlPage.Render(t.Language.Code, t.Get("Title"), html.ToString(), bodyClass: "report", dir: t.Language.Direction, print: printed, pageNumbers: t.Language.PageNumbers,
            footer: t.Html("Footer", $"<code>{E(page.Estimates.Origin)}</code>", "<code>data/treaties/drafts/</code>", "<code>data/forces/projections.yaml</code>", E(t.N(result.Options.Trials)), E(t.Language.Digits(result.Options.Seed.ToString(CultureInfo.InvariantCulture)))));
    }

    private static string Today(SuccessorPage page, LocalDate at, ReportText t)
    {
        var measures = page.Today.Select(f => f.Measure).Distinct().ToList();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"today\">{E(t.Get("Today", t.D(at)))}</h2>\n<div class=\"scroll\"><table><thead><tr><th>{E(t.Get("Column_State"))}</th>");
        foreach (var m in measures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(Measure(m, t))}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var state in page.Today.Select(f => f.State).Distinct())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(state.Value)}</td>");
            foreach (var m in measures)
            {
                var figure = page.Today.FirstOrDefault(f => f.State == state && f.Measure == m);
                html.Append(CultureInfo.InvariantCulture, $"<td>{Figure(figure, t)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table></div>\n<p class=\"note\">{t.Html("Today_Note", "<code>data/forces/precedence.yaml</code>")}</p>\n");
        return html.ToString();
    }

    private static string Figure(ForceFigure? figure, ReportText t)
    {
        if (figure?.Picked is not { } row)
        {
            return $"<span class=\"none\">{E(t.Get("Unknown"))}</span>";
        }

        if (figure.IsUndisclosed)
        {
            return $"<span class=\"none\" title=\"{E(row.Note ?? string.Empty)}\">{E(t.Get("Basis_Undisclosed"))}</span> <a href=\"{E(row.Source)}\">{E(t.Get("Source"))}</a>";
        }

        var value = row.Value is { } v ? t.N(v) : $"{(row.Low is { } l ? t.N(l) : "?")}–{(row.High is { } h ? t.N(h) : "?")}";
        var outranked = figure.PassedOver.Where(p => p.Reason == PassReason.Outranked).ToList();
        var words = Words(t);
        var comma = words.Separator(semicolons: false);
        var passed = outranked.Count == 0 ? string.Empty : t.Get("PassedOver", string.Join(words.Separator(semicolons: true), outranked.Select(p => $"{(p.Row.Value is { } x ? t.N(x) : "—")} ({Host(p.Row.Source)}{comma}{words.Word(p.Said)})")));
        return $"<span title=\"{E(t.Get("Figure_Title", Word(row.Basis, t), t.D(row.AsOf), figure.Rule ?? string.Empty) + passed)}\">{E(value)}</span> <a href=\"{E(row.Source)}\">{E(Host(row.Source))}</a> <span class=\"note\">{E(Word(row.Basis, t))}{E(comma)}{E(t.D(row.AsOf))}</span>";
    }

    private static string Parities(SuccessorPage page, ReportText t)
    {
        var html = new StringBuilder($"<h2 id=\"parity\">{E(t.Get("Parity"))}</h2>\n<table><thead><tr>{string.Concat(ParityColumns.Select(k => $"<th>{E(t.Get(k))}</th>"))}</tr></thead><tbody>");
        foreach (var p in page.Parities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.State.Value)}</td><td>{E(p.Against.Value)}</td><td class=\"text\">{E(Measure(p.Measure, t))}</td><td>{E(Year(p.Year, p.Horizon, t))}</td><td>{E(Year(p.YearP10, p.Horizon, t))}</td><td>{E(Year(p.YearP90, p.Horizon, t))}</td><td>{E(t.P(p.Reached))}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table>\n<p class=\"note\">{E(t.Get("Parity_Note"))}</p>\n");
        return html.ToString();
    }

    private static string Year(int? year, int horizon, ReportText t) => year is { } y ? t.Y(y) : t.Get("NotBefore", t.Y(horizon));

    private static string Fan(EstimateSet estimates, Projection projection, ReportText t)
    {
        var rows = estimates.For(projection.State, projection.Measure).Where(r => r.Central is not null && r.AsOf.Year >= 2010).ToList();
        var start = new LocalDate(Math.Min(2010, rows.Count > 0 ? rows.Min(r => r.AsOf.Year) : projection.FirstYear), 1, 1);
        var end = new LocalDate(projection.Horizon, 1, 1);
        var max = Math.Max(rows.Select(r => (double)(r.High ?? r.Value ?? r.Low ?? 0)).DefaultIfEmpty(0).Max(), projection.Points.Max(p => p.P90));
        var chart = new TimeChart(start, end, Math.Max(1, max)).Grid(t.N, t.Language.Digits);
        chart.ValueBand(projection.Points.Select(p => (new LocalDate(p.Year, 1, 1), p.P10, p.P90)), "#1f5aa6", "band", t.Get("Fan_Band", t.N(projection.Trials)));
        chart.Series(projection.Points.Select(p => (new LocalDate(p.Year, 1, 1), p.Central)), "#1f5aa6", "central", dashed: true);
        foreach (var row in rows)
        {
            var colour = row.Basis == EstimateBasis.OfficialProjection ? "#d35400" : row.Basis == EstimateBasis.Declared ? "#2e8b57" : "#444";
            chart.Dot(row.AsOf, row.Central!.Value, colour, t.Get("Fan_Dot", t.N(row.Value ?? (long)row.Central.Value), t.D(row.AsOf), Word(row.Basis, t), row.Source, row.Origin), hollow: row.Basis != EstimateBasis.Declared);
        }

        var id = $"fan-{projection.State}-{projection.Measure.Value.Replace(':', '-')}";
        var last = projection.Points[^1];
        return $"""
            <figure>
            {chart.ToSvg(id, t.Get("Fan_Label", projection.State.Value, Measure(projection.Measure, t)), t.Get("Fan_Description", projection.Model.Name))}
            <figcaption>{t.Html("Fan_Caption", $"<strong>{E(projection.State.Value)} {E(Measure(projection.Measure, t))}</strong>", $"<code>{E(projection.Model.Name)}</code>", E(Words(t).Word(projection.Model.Described())), E(t.Y(last.Year)), E(t.N(last.P10)), E(t.N(last.P50)), E(t.N(last.P90)))}
            <details><summary>{E(t.Get("Assumptions"))}</summary><ul>{string.Concat(projection.Assumptions.Select(a => $"<li>{E(Words(t).Word(a))}</li>"))}</ul></details></figcaption>
            </figure>

            """;
    }

    private static string Draft(DraftComparison draft, ProposalsResult result, ReportText t)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"draft-{E(draft.DraftId.Replace(':', '-'))}\"><span{EnglishUnless(draft.Names.ContainsKey(t.Language.Code), t)}>{E(draft.NameIn(t.Language.Code))}</span> <code>{E(draft.DraftId)}</code></h3>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{(draft.MustCutMost is { } most ? t.Html("MustCutMost", $"<strong>{E(most.Scope)}</strong>", E(t.N(most.Cut)), E(most.LimitId)) : E(t.Get("NoCut")))}{(draft.EntryIntoForceAssumed ? " " + E(t.Get("EntryAssumed", t.D(draft.EntryIntoForce))) : string.Empty)}</p>\n");
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
            var chart = new TimeChart(start, end, Math.Max(1, max)).Grid(t.N, t.Language.Digits);
            for (var i = 0; i < withPath.Count; i++)
            {
                var row = withPath[i];
                var colour = Colours[i % Colours.Length];
                chart.ValueBand(row.Path.Select(p => (new LocalDate(p.Year, 1, 1), p.P10, p.P90)), colour, "band", t.Get("Draft_Band", row.Scope), [KeyValuePair.Create("data-scope", row.Scope)]);
                chart.Series(row.Path.Select(p => (new LocalDate(p.Year, 1, 1), p.P50)), colour, "median", attributes: [KeyValuePair.Create("data-scope", row.Scope)]);
                if (row.Max is { } ceiling)
                {
                    chart.Ceiling(row.LimitId, ceiling, start, end, $"{row.Scope} ≤ {t.N(ceiling)}", $"{row.Scope}: {Said(row.CeilingBasis, t)}");
                }
            }

            html.Append(CultureInfo.InvariantCulture, $"""
                <figure>
                {chart.ToSvg($"chart-{draft.DraftId.Replace(':', '-')}-{limit.Key}", $"{draft.DraftId} {limit.Key}", t.Get("Draft_Description"))}
                <figcaption>{t.Html("Draft_Caption", $"<span{EnglishUnless(withPath[0].Names.ContainsKey(t.Language.Code), t)}>{E(withPath[0].NameIn(t.Language.Code))}</span>")}</figcaption>
                </figure>

                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table><thead><tr>{string.Concat(DraftColumns.Select(k => $"<th>{E(t.Get(k))}</th>"))}</tr></thead><tbody>");
        foreach (var l in draft.Limits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"text\">{E(l.LimitId)}</td><td class=\"text\">{E(l.Scope)}</td><td class=\"text\">{E(l.Measure is { } lm ? Measure(lm, t) : "—")}</td><td title=\"{E(Said(l.CeilingBasis, t))}\">{(l.Max is { } m ? t.N(m) : "—")}</td><td>{t.N(l.P10)}</td><td>{t.N(l.P50)}</td><td>{t.N(l.P90)}</td><td>{t.N(l.Margin)}</td><td>{(l.Cut is > 0 ? $"<span class=\"miss\">{t.N(l.Cut)}</span>" : t.N(l.Cut))}</td><td>{(l.BreaksIn is { } b ? t.Y(b) : "—")}</td><td class=\"text\" title=\"{E(Said(l.Note, t))}\">{E(t.Get("Status_" + l.Status))}</td></tr>");
        }

        html.Append("</tbody></table></div>\n");
        return html.ToString();
    }

    private static string Word(EstimateBasis basis, ReportText t) => t.Get("Basis_" + basis);

    /// <summary>A measure in words: a total (<c>stockpile</c>) or a system's (<c>launchers:DF-41</c>), the type as it is.</summary>
    private static string Measure(ForceMeasure measure, ReportText t) => Words(t).Name(TermKind.Measure, measure.Value);

    private static PhraseText Words(ReportText t) => t.Phrases;

    /// <summary>A phrase of the comparison in the page's language; empty when there is none.</summary>
    private static string Said(Phrase? phrase, ReportText t) => phrase is null ? string.Empty : Words(t).Word(phrase);

    // A draft's name, or a limit's, where its file gives none in the page's language is English: marked so.
    private static string EnglishUnless(bool named, ReportText t) => named ? string.Empty : HtmlPage.EnglishOn(t.Language);

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    private static string E(string text) => HtmlPage.Encode(text);
}
