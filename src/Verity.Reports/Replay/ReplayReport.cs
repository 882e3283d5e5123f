using System.Collections.Immutable;
using System.Globalization;
using System.Resources;
using System.Text;
using Verity.Core;
using Verity.Core.Analysis.Replay;
using Verity.Core.Inspections;
using Verity.Core.Treaties;
using Verity.Reports.Charts;
using Verity.Reports.Languages;

namespace Verity.Reports.Replay;

/// <summary>
/// The self-contained HTML report of a replay: for each limit, a chart of each party's value over time against
/// the ceiling, with the published figures marked and the lifecycle on the time axis; then every data point.
/// </summary>
/// <remarks>One page in the shell of <see cref="HtmlPage"/>: no scripts, no external resources; it opens offline and
/// prints. Its words are <c>ReplayStrings.resx</c> and <c>ReplayStrings.&lt;code&gt;.resx</c>, in any of
/// <see cref="Languages.Languages.All"/>; the treaty's vocabulary is the treaty data's, in the language where the data
/// has it.</remarks>
public static class ReplayReport
{
    private static readonly string[] Colours = ["#1f5aa6", "#c0392b", "#2e8b57", "#8e44ad", "#d35400"];

    private static readonly ResourceManager Resources = new("Verity.Reports.Replay.ReplayStrings", typeof(ReplayReport).Assembly);

    /// <summary>What the replayed record's item history is (synthetic, built to match the published figures), in
    /// <paramref name="language"/>: the sentence each report and the demo's dashboard say it with.</summary>
    internal static string Synthetic(Language language) => new ReportText(Resources, language).Get("Synthetic");

    /// <summary>The languages the report is written in.</summary>
    public static ImmutableArray<Language> Translated { get; } = Languages.Languages.All;

    /// <summary>The report's page, a whole HTML document.</summary>
    /// <param name="result">The replay.</param>
    /// <param name="records">The demo's notifications and databases per party, held to their deadlines and reconciled; empty for the replay alone.</param>
    /// <param name="network">The demo's run through the network; <c>null</c> when it has not run.</param>
    /// <param name="language">The language to write in (default English).</param>
    public static string Render(ReplayResult result, ImmutableArray<RecordSummary> records = default, NetworkSummary? network = null, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = new ReportText(Resources, language ?? Languages.Languages.English);
        var treaty = result.Treaty;
        var html = new StringBuilder();
        var items = result.Ledger.Events.Select(e => e.Uid).Distinct().Count();
        var breakdowns = $"<strong>{E(t.Get("Summary_Count", t.N(result.Breakdowns.Count(b => b.Matches)), t.N(result.Breakdowns.Length)))}</strong>";
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{E(t.Get("Title", Name(treaty, t)))}</h1>
            <p>{E(treaty.TitleIn(t.Language.Code) ?? Name(treaty, t))}.</p>
            <p class="summary">{t.Html("Summary", $"<strong>{E(t.Get("Summary_Count", t.N(result.Matched), t.N(result.Compared)))}</strong>", breakdowns, E(t.N(items)), E(t.N(result.Ledger.Events.Length)))}</p>
            <p class="note" role="note">{E(t.Get("Synthetic"))} {E(t.Get("Synthetic_Meaning"))}</p>
            {NamesBasis(treaty, t)}
            """);
        if (result.Interpretation.Id != Interpretation.AgreedId)
        {
            var reading = result.Interpretation;
            var words = t.Language.Code == "en" ? $"{E(reading.Name)}. {E(reading.Text ?? string.Empty)}" : E(t.Get("Reading_Disputed"));
            html.Append(CultureInfo.InvariantCulture, $"""<p id="reading"><strong>{E(reading.Id)}</strong>: {words} {t.Html("Reading_Drawn", $"<em>{E(reading.Id)}</em>")}</p>""");
        }

        foreach (var measure in result.Measures)
        {
            html.Append(Chart(result, treaty.FindLimit(measure)!, t));
        }

        html.Append(Timeline(treaty, t));
        if (!result.PublishedInspections.IsDefaultOrEmpty)
        {
            html.Append(Inspections(result, t));
        }

        html.Append(Points(result, t));
        if (!records.IsDefaultOrEmpty)
        {
            html.Append(Records(records, t));
        }

        if (network is not null)
        {
            html.Append(Network(network, t));
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>{E(t.Get("Sources"))}</h2>
            <p class="note">{t.Html("Sources_Where", "<code>data/history/</code>", $"<code>data/treaties/{E(treaty.Id)}.yaml</code>")}</p>
            <ul>{string.Concat(treaty.Sources.Select(s => $"<li{HtmlPage.EnglishOn(t.Language)}>{E(s.Title)}: <a href=\"{E(s.Url)}\">{E(s.Url)}</a></li>"))}</ul>
            <p class="note">{E(t.Get("Sources_Items"))}</p>
            """);
        return HtmlPage.Render(t.Language.Code, t.Get("Title", Name(treaty, t)), html.ToString(), bodyClass: "report", dir: t.Language.Direction,
            print: PrintHeader(result, t), pageNumbers: t.Language.PageNumbers);
    }

    /// <summary>Each printed page's header: the treaty, the date of the last published figure, the hosts the figures come from.</summary>
    private static string PrintHeader(ReplayResult result, ReportText t)
    {
        var published = result.Points.SelectMany(p => p.Published.Values.Where(f => f.Value is not null).Select(f => (p.Date, f.Source))).ToList();
        var through = published.Count == 0 ? result.Points.Max(p => p.Date) : published.Max(p => p.Date);
        // The three hosts most cited, then "…": every figure's own source is in the table of data points.
        var hosts = published.Select(p => Uri.TryCreate(p.Source, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host) : p.Source)
            .Where(h => !string.IsNullOrEmpty(h)).GroupBy(h => h, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        return t.Get("Print_Header", Name(result.Treaty, t), t.D(through), string.Join(", ", hosts.Take(3)) + (hosts.Count > 3 ? ", …" : string.Empty));
    }

    private static string Chart(ReplayResult result, Limit limit, ReportText t)
    {
        var treaty = result.Treaty;
        var start = treaty.Dates.EntryIntoForce;
        var end = treaty.Expiry ?? result.Points.Max(p => p.Date).PlusYears(1);
        var parties = treaty.Parties.Select(p => p.Code).ToList();
        var values = result.Points.SelectMany(p => new[] { p.Computed[limit.Id] }.Concat(p.Reading.TryGetValue(limit.Id, out var r) ? [r] : [])).ToList();
        var chart = new TimeChart(start, end, Math.Max(values.Max(), limit.Ceiling ?? 0)).Grid(t.N, t.Language.Digits);
        var acts = treaty.Lifecycle.Where(a => a.Date >= start && a.Date <= end).ToList();
        for (var i = 0; i < acts.Count; i++)
        {
            var act = acts[i];
            chart.Marker(act.Date, Label(act, t), $"{t.D(act.Date)}: {Describe(act, t)}", i);
        }

        if (treaty.Expiry is { } expiry && expiry <= end)
        {
            chart.Marker(expiry, t.Get("Chart_Expires"), t.Get("Chart_ExpiresTitle", t.D(expiry)), labelBefore: true);
        }

        var name = LimitName(limit, t);
        if (limit.Ceiling is { } ceiling)
        {
            chart.Ceiling(limit.Id, ceiling, limit.From, treaty.Expiry ?? end,
                t.Get("Chart_Ceiling", t.N(ceiling), t.D(limit.From)),
                t.Get("Chart_CeilingTitle", name, t.N(ceiling), t.D(limit.From)));
        }

        for (var p = 0; p < parties.Count; p++)
        {
            var colour = Colours[p % Colours.Length];
            var points = result.Points.Where(x => x.Party == parties[p]).OrderBy(x => x.Date).ToList();
            chart.Series(points.Select(x => (x.Date, (double)x.Computed[limit.Id])), colour, "computed", attributes: [KeyValuePair.Create("data-party", parties[p].Value)]);
            if (points.All(x => x.Reading.ContainsKey(limit.Id)) && points.Any(x => x.Reading[limit.Id] != x.Computed[limit.Id]))
            {
                chart.Series(points.Select(x => (x.Date, (double)x.Reading[limit.Id])), colour, "reading", dashed: true);
            }

            foreach (var x in points.Where(x => x.Published.TryGetValue(limit.Id, out var f) && f.Value is not null))
            {
                var published = x.Published[limit.Id];
                chart.Dot(x.Date, published.Value!.Value, colour, t.Get("Chart_Dot", parties[p].Value, t.D(x.Date), t.N(published.Value.Value), t.N(x.Computed[limit.Id])), hollow: true, radius: 3.5);
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<h2 id="{E(limit.Id)}">{E(t.Get("Chart_Heading", name, limit.Article ?? limit.Id, limit.Ceiling is { } most ? t.N(most) : "—"))}</h2>""");
        svg.Append(chart.ToSvg("chart-" + limit.Id, t.Get("Chart_Label", name),
            t.Get("Chart_Description", name, t.D(start), t.D(end), limit.Ceiling is { } c ? t.N(c) : "—"),
            [KeyValuePair.Create("data-limit", limit.Id)]));
        svg.Append("<p class=\"legend\">");
        for (var p = 0; p < parties.Count; p++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<span style="color:{Colours[p % Colours.Length]}">{E(t.Get("Legend_Party", parties[p].Value))}</span>""");
        }

        if (result.Points.Any(x => x.Reading.TryGetValue(limit.Id, out var r) && r != x.Computed[limit.Id]))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<span>{E(t.Get("Legend_Reading", result.Interpretation.Id))}</span>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<span>{E(t.Get("Legend_Limit"))}</span><span>{E(t.Get("Legend_Lifecycle"))}</span></p>");
        return svg.ToString();
    }

    private static string Timeline(Treaty treaty, ReportText t)
    {
        // In another language: the language's words for the act, and the data's own text (English) beside them, marked so.
        var rows = treaty.Lifecycle.Select(a => (a.Date, Html: t.Language.Code == "en" || a.Text is null
            ? E(Describe(a, t))
            : $"{E(Describe(a, t))} <span{HtmlPage.EnglishOn(t.Language)}>({E(a.Text)})</span>")).ToList();
        if (treaty.Expiry is { } expiry)
        {
            rows.Add((expiry, E(t.Get("Lifecycle_Expires"))));
        }

        return $"<h2>{E(t.Get("Lifecycle"))}</h2><table><tr><th>{E(t.Get("Date"))}</th><th>{E(t.Get("Act"))}</th></tr>"
            + string.Concat(rows.OrderBy(r => r.Date).Select(r => $"<tr><td>{E(t.D(r.Date))}</td><td class=\"text\">{r.Html}</td></tr>"))
            + "</table>";
    }

    /// <summary>Per treaty year: the quota, each party's published use and the synthetic record's, and where the quota stood at the year's end.</summary>
    private static string Inspections(ReplayResult result, ReportText t)
    {
        var treaty = result.Treaty;
        var through = result.InspectionsThrough;
        var published = InspectionQuotas.AsOf(treaty, InspectionsHeld.Published(result.PublishedInspections), through);
        var synthetic = InspectionQuotas.AsOf(treaty, InspectionsHeld.Of(result.Inspections), through);
        var parties = published.Parties.Select(p => p.Party).ToList();
        var html = new StringBuilder();
        var quotas = treaty.Inspections.Quotas.Select(q => $"{QuotaName(q, t)}: {t.N(q.PerYear)}").Distinct();
        html.Append(CultureInfo.InvariantCulture, $"""<h2 id="inspections">{E(t.Get("Inspections_Heading"))}</h2><p>{E(t.Get("Inspections_Lede", t.N(treaty.Inspections.TotalPerYear(1)), string.Join("; ", quotas), treaty.Id))}</p>""");
        html.Append(CultureInfo.InvariantCulture, $"""<table id="inspection-quotas"><tr><th>{E(t.Get("Inspections_Year"))}</th><th>{E(t.Get("Inspections_Starts"))}</th><th>{E(t.Get("Inspections_Quota"))}</th>""");
        foreach (var party in parties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(t.Get("Inspections_Published", party.Value))}</th><th>{E(t.Get("Inspections_Synthetic", party.Value))}</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th>{E(t.Get("Inspections_State"))}</th></tr>");
        var years = published.Parties[0].Years;
        for (var i = 0; i < years.Length; i++)
        {
            var year = years[i];
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-year="{year.Year}"><td>{E(t.Y(year.Year))}</td><td>{E(t.D(year.Start))}</td><td>{E(t.N(year.Total.Quota))}</td>""");
            foreach (var party in parties)
            {
                var line = published.Parties.Single(p => p.Party == party).Years[i].Total;
                var made = synthetic.Parties.Single(p => p.Party == party).Years[i].Total;
                var shown = line.Used.Value is { } n
                    ? t.N(n) + (line.Used.Basis == CountBasis.Derived ? "ᵈ" : string.Empty)
                    : t.Get("Inspections_NotPublished");
                var title = line.Used.Sources.IsEmpty ? string.Empty : $""" title="{E(string.Join(" ; ", line.Used.Sources))}" """.TrimEnd();
                html.Append(CultureInfo.InvariantCulture, $"""<td class="{(line.Used.IsKnown ? "published" : "none")}"{title}>{E(shown)}</td><td class="{(line.Used.Value is { } k && k != made.Used.Value ? "miss" : "synthetic")}">{E(made.Used.Value is { } m ? t.N(m) : "—")}</td>""");
            }

            var states = parties.Select(party => StateWords(published.Parties.Single(p => p.Party == party).Years[i].Total, t)).ToList();
            var state = states.Distinct().Count() == 1 ? states[0] : string.Join("; ", parties.Select((party, j) => t.Get("Inspections_StateOfParty", party.Value, states[j])));
            html.Append(CultureInfo.InvariantCulture, $"""<td class="text">{E(state)}</td></tr>""");
        }

        html.Append("</table>");
        foreach (var check in published.Checks)
        {
            var verdict = t.Get(!check.IsConsistent ? "Inspections_Check_Inconsistent" : check.IsFullUse ? "Inspections_Check_FullUse" : "Inspections_Check_Within");
            html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(t.Get("Inspections_Check", t.N(check.Row.Count!.Value), string.Join(", ", check.Row.Parties), t.D(check.Row.From), t.D(check.Row.To), check.Row.Source, t.N(check.FullQuota), check.FirstYear, check.LastYear, verdict))}</p>""");
        }

        var counted = result.PublishedInspections.Count(r => r.Count is not null);
        html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(t.Get("Inspections_Synthetic_Total", t.N(result.Inspections.Length), t.N(counted - SyntheticInspections.Unmatched(result.PublishedInspections, result.Inspections).Length), t.N(counted)))}</p>""");
        return html.ToString();
    }

    private static string StateWords(QuotaLine line, ReportText t)
    {
        var state = t.Get("Inspections_State_" + line.State);
        return line.Cause is not { } cause
            ? state
            : cause.Party is { } party && line.State != QuotaState.Paused
                ? t.Get("Inspections_SinceBy", state, party.Value, t.D(cause.Since))
                : t.Get("Inspections_Since", state, t.D(cause.Since));
    }

    private static string Points(ReplayResult result, ReportText t)
    {
        var html = new StringBuilder($"<h2>{E(t.Get("Points"))}</h2><table><tr><th>{E(t.Get("Date"))}</th><th>{E(t.Get("Points_Party"))}</th>");
        foreach (var m in result.Measures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(t.Get("Points_Published", m))}</th><th>{E(t.Get("Points_Computed"))}</th>");
        }

        if (result.Interpretation.Id != Interpretation.AgreedId)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(result.Interpretation.Id)}</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th>{E(t.Get("Points_Source"))}</th></tr>");
        foreach (var p in result.Points)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.D(p.Date))}</td><td>{p.Party}</td>");
            foreach (var m in result.Measures)
            {
                var computed = p.Computed[m];
                if (p.Published.TryGetValue(m, out var f) && f.Value is { } v)
                {
                    var cls = v == computed ? "match" : "miss";
                    var basis = t.Get("Basis_" + f.Basis);
                    var title = f.Note is null || t.Language.Code != "en" ? basis : $"{basis}: {f.Note}";
                    html.Append(CultureInfo.InvariantCulture, $"<td title=\"{E(title)}\">{E(t.N(v))}{(f.Basis == "derived" ? "ᵈ" : string.Empty)}</td><td class=\"{cls}\">{E(t.N(computed))}</td>");
                }
                else
                {
                    var note = f?.Note is { } why && t.Language.Code == "en" ? why : t.Get("Points_NotPublished");
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"none\" title=\"{E(note)}\">—</td><td class=\"none\">{E(t.N(computed))}</td>");
                }
            }

            if (!p.Reading.IsEmpty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(" / ", result.Measures.Select(m => t.N(p.Reading[m]))))}</td>");
            }

            var source = p.Published.Values.Select(f => f.Source).FirstOrDefault();
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"text\">{(source is null ? string.Empty : $"<a href=\"{E(source)}\">{E(t.Get("Points_SourceLink"))}</a>")}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Records(ImmutableArray<RecordSummary> records, ReportText t) =>
        $"<h2 id=\"notifications\">{E(t.Get("Records"))}</h2><p>{t.Html("Records_Lede", "<code>verity deadlines</code>", "<code>verity exchange</code>", "<code>verity reconcile</code>")}</p>"
        + $"<table><tr><th>{E(t.Get("Points_Party"))}</th><th>{E(t.Get("Records_Owed"))}</th><th>{E(t.Get("Records_OnTime"))}</th><th>{E(t.Get("Records_Databases"))}</th><th>{E(t.Get("Records_Findings"))}</th></tr>"
        + string.Concat(records.Select(r => $"<tr><td>{E(r.Party)}</td><td>{E(t.N(r.Owed))}</td><td>{E(t.N(r.OnTime))}</td><td>{E(t.N(r.Databases))}</td><td>{E(r.Findings == 0 ? t.Get("Records_None") : t.N(r.Findings))}</td></tr>"))
        + "</table>";

    private static string Network(NetworkSummary network, ReportText t) =>
        $"<h2 id=\"network\">{E(t.Get("Network"))}</h2><p>{E(t.Get("Network_Lede"))}</p>"
        + $"<table><tr><th>{E(t.Get("Network_Log"))}</th><th>{E(t.Get("Network_Entries"))}</th><th>{E(t.Get("Network_Root"))}</th><th>{E(t.Get("Network_HeldBy"))}</th></tr>"
        + string.Concat(network.Logs.Select(l => $"<tr><td>{E(l.Log)}</td><td>{E(t.N(l.Entries))}</td><td><code>{E(l.Root)}</code></td><td class=\"text\">{E(HeldBy(l.Log, l.HeldBy, t))}</td></tr>"))
        + "</table>"
        + $"<p>{E(t.Get("Network_Figures", t.N(network.Figures), network.Disagreements == 0 ? t.Get("Network_Agree") : t.Get("Network_Differ", t.N(network.Disagreements))))}</p>";

    /// <summary>The nodes that hold a log identically, each as its owner's node or a mirror; or that they differ.</summary>
    private static string HeldBy(string log, ImmutableArray<string> nodes, ReportText t) => nodes.IsEmpty ? t.Get("Network_TheyDiffer")
        : string.Join(t.Get("Network_Separator"), nodes.Select(n => t.Get(n == log ? "Network_Own" : "Network_Mirror", n)));

    /// <summary>A few words for a lifecycle act, for chart labels: the data's English ones, or the language's words for its kind.</summary>
    private static string Label(LifecycleAct act, ReportText t) => t.Language.Code == "en"
        ? LifecycleText.Label(act)
        : t.Get("Act_" + act.Kind, act.Party is { } p ? p.Value : string.Empty, act.Period?.Years ?? 0);

    /// <summary>The act as the record states it, party first: the data's text in the language, or the language's words for its kind.</summary>
    private static string Describe(LifecycleAct act, ReportText t)
    {
        if (t.Language.Code == "en")
        {
            return LifecycleText.Describe(act);
        }

        // The words name the party; the data's text, English, goes beside them where the page can mark it (the table).
        return t.Get("Act_" + act.Kind, act.Party is { } p ? p.Value : string.Empty, act.Period?.Years ?? 0);
    }

    private static string Name(Treaty treaty, ReportText t) => treaty.NameIn(t.Language.Code);

    private static string LimitName(Limit limit, ReportText t) => limit.NameIn(t.Language.Code);

    /// <summary>On what the treaty's terms in the page's language rest, as the treaty file says: its authentic text
    /// (citing the source), translations made for Verity, or none given (the terms are then English).</summary>
    private static string NamesBasis(Treaty treaty, ReportText t)
    {
        var code = t.Language.Code;
        if (code == "en")
        {
            return string.Empty;
        }

        // The authentic text is cited by its title, as published: marked English like every source's title.
        var said = treaty.Translations.GetValueOrDefault(code) switch
        {
            { Basis: TranslationBasis.Authentic, SourceId: var id } => t.Html("Names_Authentic", $"<span{HtmlPage.EnglishOn(t.Language)}>{E(treaty.Sources.FirstOrDefault(s => s.Id == id)?.Title ?? id ?? string.Empty)}</span>"),
            { Basis: TranslationBasis.Verity } => E(t.Get("Names_Verity")),
            _ => E(t.Get("Names_None")),
        };
        return $"<p class=\"note\">{said}</p>";
    }

    // A quota's name as the treaty file gives it in the language; without one, its type's identifier.
    private static string QuotaName(InspectionQuota quota, ReportText t) =>
        t.Language.Code == "en" ? quota.Name : quota.Names.GetValueOrDefault(t.Language.Code) ?? t.Get("Inspections_Type", quota.Type);


    private static string E(string text) => HtmlPage.Encode(text);
}
