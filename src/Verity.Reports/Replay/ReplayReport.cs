using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;
using Verity.Core.Analysis.Replay;
using Verity.Core.Inspections;
using Verity.Core.Treaties;
using Verity.Reports.Charts;

namespace Verity.Reports.Replay;

/// <summary>
/// The self-contained HTML report of a replay: for each limit, a chart of each party's value over time against
/// the ceiling, with the published figures marked and the lifecycle on the time axis; then every data point.
/// </summary>
/// <remarks>One page in the shell of <see cref="HtmlPage"/>: no scripts, no external resources; it opens offline and prints.</remarks>
public static class ReplayReport
{
    private static readonly string[] Colours = ["#1f5aa6", "#c0392b", "#2e8b57", "#8e44ad", "#d35400"];

    /// <summary>The report's page, a whole HTML document.</summary>
    /// <param name="result">The replay.</param>
    /// <param name="records">The demo's notifications and databases per party, held to their deadlines and reconciled; empty for the replay alone.</param>
    /// <param name="network">The demo's run through the network; <c>null</c> when it has not run.</param>
    public static string Render(ReplayResult result, ImmutableArray<RecordSummary> records = default, NetworkSummary? network = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var treaty = result.Treaty;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>{E(treaty.Name)}: the public record replayed</h1>
            <p>{E(treaty.Title ?? treaty.Name)}.</p>
            <p class="summary"><strong>{result.Matched} of {result.Compared}</strong> published figures and
            <strong>{result.Breakdowns.Count(b => b.Matches)} of {result.Breakdowns.Length}</strong> published breakdowns are matched by
            counting a synthetic item-level history of {result.Ledger.Events.Select(e => e.Uid).Distinct().Count():N0} items and
            {result.Ledger.Events.Length:N0} events with the treaty's counting rules.</p>
            <p class="note" role="note">{E(ReplayText.Synthetic)} The match is therefore not an independent confirmation of the
            published figures: what it shows is the treaty's counting rules, lifecycle and readings computed from items, date by date.</p>
            """);
        if (result.Interpretation.Id != Interpretation.AgreedId)
        {
            var reading = result.Interpretation;
            html.Append(CultureInfo.InvariantCulture, $"""<p id="reading"><strong>{E(reading.Id)}</strong>: {E(reading.Name)}. {E(reading.Text ?? string.Empty)} Its count is drawn dashed beside the agreed one, and given in the column <em>{E(reading.Id)}</em> of the data points.</p>""");
        }

        foreach (var measure in result.Measures)
        {
            html.Append(Chart(result, treaty.FindLimit(measure)!));
        }

        html.Append(Timeline(treaty));
        if (!result.PublishedInspections.IsDefaultOrEmpty)
        {
            html.Append(Inspections(result));
        }

        html.Append(Points(result));
        if (!records.IsDefaultOrEmpty)
        {
            html.Append(Records(records));
        }

        if (network is not null)
        {
            html.Append(Network(network));
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <h2>Sources</h2>
            <p class="note">Published figures: <code>data/history/</code> (each row names its source). Treaty terms: <code>data/treaties/{E(treaty.Id)}.yaml</code>.</p>
            <ul>{string.Concat(treaty.Sources.Select(s => $"<li>{E(s.Title)}: <a href=\"{E(s.Url)}\">{E(s.Url)}</a></li>"))}</ul>
            <p class="note">Item identifiers are synthetic; types and bases are those the public record names; where no breakdown was published, the
            split between kinds and types is illustrative and shapes only the items, never the aggregates.</p>
            """);
        return HtmlPage.Render("en", $"{treaty.Name}: the public record replayed", html.ToString(), bodyClass: "report");
    }

    private static string Chart(ReplayResult result, Limit limit)
    {
        var treaty = result.Treaty;
        var start = treaty.Dates.EntryIntoForce;
        var end = treaty.Expiry ?? result.Points.Max(p => p.Date).PlusYears(1);
        var parties = treaty.Parties.Select(p => p.Code).ToList();
        var values = result.Points.SelectMany(p => new[] { p.Computed[limit.Id] }.Concat(p.Reading.TryGetValue(limit.Id, out var r) ? [r] : [])).ToList();
        var chart = new TimeChart(start, end, Math.Max(values.Max(), limit.Ceiling ?? 0)).Grid();
        var acts = treaty.Lifecycle.Where(a => a.Date >= start && a.Date <= end).ToList();
        for (var i = 0; i < acts.Count; i++)
        {
            var act = acts[i];
            chart.Marker(act.Date, LifecycleText.Label(act), $"{act.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {LifecycleText.Describe(act)}", i);
        }

        if (treaty.Expiry is { } expiry && expiry <= end)
        {
            chart.Marker(expiry, "expires", $"{expiry:yyyy-MM-dd}: the treaty expires", labelBefore: true);
        }

        if (limit.Ceiling is { } ceiling)
        {
            chart.Ceiling(limit.Id, ceiling, limit.From, treaty.Expiry ?? end,
                string.Create(CultureInfo.InvariantCulture, $"limit {ceiling:N0} from {limit.From:yyyy-MM-dd}"),
                string.Create(CultureInfo.InvariantCulture, $"{limit.Name}: at most {ceiling:N0} from {limit.From:yyyy-MM-dd}"));
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
                chart.Dot(x.Date, published.Value!.Value, colour, string.Create(CultureInfo.InvariantCulture, $"{parties[p]} {x.Date:yyyy-MM-dd}: published {published.Value:N0}, computed {x.Computed[limit.Id]:N0}"), hollow: true, radius: 3.5);
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<h2 id="{E(limit.Id)}">{E(limit.Name)} ({E(limit.Article ?? limit.Id)}): at most {limit.Ceiling:N0}</h2>""");
        svg.Append(chart.ToSvg("chart-" + limit.Id, $"{limit.Name} over time",
            $"Each party's {limit.Name.ToLowerInvariant()} from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} against the limit of {(limit.Ceiling is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "—")}; every value is in the table of data points below.",
            [KeyValuePair.Create("data-limit", limit.Id)]));
        svg.Append("<p class=\"legend\">");
        for (var p = 0; p < parties.Count; p++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<span style="color:{Colours[p % Colours.Length]}">━ {parties[p]} computed ○ published</span>""");
        }

        if (result.Points.Any(x => x.Reading.TryGetValue(limit.Id, out var r) && r != x.Computed[limit.Id]))
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<span>┅ {E(result.Interpretation.Id)} reading</span>""");
        }

        svg.Append("<span>- - limit</span><span>┊ lifecycle</span></p>");
        return svg.ToString();
    }

    private static string Timeline(Treaty treaty)
    {
        var rows = treaty.Lifecycle.Select(a => (a.Date, Text: LifecycleText.Describe(a))).ToList();
        if (treaty.Expiry is { } expiry)
        {
            rows.Add((expiry, "Treaty expires"));
        }

        return "<h2>Lifecycle</h2><table><tr><th>Date</th><th>Act</th></tr>"
            + string.Concat(rows.OrderBy(r => r.Date).Select(r => $"<tr><td>{r.Date:yyyy-MM-dd}</td><td class=\"text\">{E(r.Text)}</td></tr>"))
            + "</table>";
    }

    /// <summary>Per treaty year: the quota, each party's published use and the synthetic record's, and where the quota stood at the year's end.</summary>
    private static string Inspections(ReplayResult result)
    {
        var treaty = result.Treaty;
        var through = result.InspectionsThrough;
        var published = InspectionQuotas.AsOf(treaty, InspectionsHeld.Published(result.PublishedInspections), through);
        var synthetic = InspectionQuotas.AsOf(treaty, InspectionsHeld.Of(result.Inspections), through);
        var parties = published.Parties.Select(p => p.Party).ToList();
        var html = new StringBuilder();
        var quotas = treaty.Inspections.Quotas.Select(q => $"{q.Name}: {q.PerYear.ToString(CultureInfo.InvariantCulture)}").Distinct();
        html.Append(CultureInfo.InvariantCulture, $"""<h2 id="inspections">{E(InspectionText.Get("Heading"))}</h2><p>{E(InspectionText.Get("Lede", treaty.Inspections.TotalPerYear(1).ToString(CultureInfo.InvariantCulture), string.Join("; ", quotas), treaty.Id))}</p>""");
        html.Append(CultureInfo.InvariantCulture, $"""<table id="inspection-quotas"><tr><th>{E(InspectionText.Get("Year"))}</th><th>{E(InspectionText.Get("Starts"))}</th><th>{E(InspectionText.Get("Quota"))}</th>""");
        foreach (var party in parties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(InspectionText.Get("Published", party.Value))}</th><th>{E(InspectionText.Get("Synthetic", party.Value))}</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th>{E(InspectionText.Get("State"))}</th></tr>");
        var years = published.Parties[0].Years;
        for (var i = 0; i < years.Length; i++)
        {
            var year = years[i];
            html.Append(CultureInfo.InvariantCulture, $"""<tr data-year="{year.Year}"><td>{year.Year}</td><td>{year.Start:yyyy-MM-dd}</td><td>{year.Total.Quota}</td>""");
            foreach (var party in parties)
            {
                var line = published.Parties.Single(p => p.Party == party).Years[i].Total;
                var made = synthetic.Parties.Single(p => p.Party == party).Years[i].Total;
                var shown = line.Used.Value is { } n
                    ? n.ToString(CultureInfo.InvariantCulture) + (line.Used.Basis == CountBasis.Derived ? "ᵈ" : string.Empty)
                    : InspectionText.Get("NotPublished");
                var title = line.Used.Sources.IsEmpty ? string.Empty : $""" title="{E(string.Join(" ; ", line.Used.Sources))}" """.TrimEnd();
                html.Append(CultureInfo.InvariantCulture, $"""<td class="{(line.Used.IsKnown ? "published" : "none")}"{title}>{E(shown)}</td><td class="{(line.Used.Value is { } k && k != made.Used.Value ? "miss" : "synthetic")}">{made.Used.Value}</td>""");
            }

            var states = parties.Select(party => StateWords(published.Parties.Single(p => p.Party == party).Years[i].Total)).ToList();
            var state = states.Distinct().Count() == 1 ? states[0] : string.Join("; ", parties.Select((party, j) => InspectionText.Get("StateOfParty", party.Value, states[j])));
            html.Append(CultureInfo.InvariantCulture, $"""<td class="text">{E(state)}</td></tr>""");
        }

        html.Append("</table>");
        foreach (var check in published.Checks)
        {
            var verdict = InspectionText.Get(!check.IsConsistent ? "Check_Inconsistent" : check.IsFullUse ? "Check_FullUse" : "Check_Within");
            html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(InspectionText.Get("Check", check.Row.Count!.Value.ToString("N0", CultureInfo.InvariantCulture), string.Join(", ", check.Row.Parties), check.Row.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), check.Row.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), check.Row.Source, check.FullQuota.ToString("N0", CultureInfo.InvariantCulture), check.FirstYear, check.LastYear, verdict))}</p>""");
        }

        var counted = result.PublishedInspections.Count(r => r.Count is not null);
        html.Append(CultureInfo.InvariantCulture, $"""<p class="note">{E(InspectionText.Get("Synthetic_Total", result.Inspections.Length.ToString("N0", CultureInfo.InvariantCulture), counted - SyntheticInspections.Unmatched(result.PublishedInspections, result.Inspections).Length, counted))}</p>""");
        return html.ToString();
    }

    private static string StateWords(QuotaLine line)
    {
        var state = InspectionText.Get("State_" + line.State);
        return line.Cause is not { } cause
            ? state
            : cause.Party is { } party && line.State != QuotaState.Paused
                ? InspectionText.Get("SinceBy", state, party.Value, cause.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : InspectionText.Get("Since", state, cause.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Points(ReplayResult result)
    {
        var html = new StringBuilder("<h2>Every data point</h2><table><tr><th>Date</th><th>Party</th>");
        foreach (var m in result.Measures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(m)} published</th><th>computed</th>");
        }

        if (result.Interpretation.Id != Interpretation.AgreedId)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(result.Interpretation.Id)}</th>");
        }

        html.Append("<th>Source</th></tr>");
        foreach (var p in result.Points)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{p.Date:yyyy-MM-dd}</td><td>{p.Party}</td>");
            foreach (var m in result.Measures)
            {
                var computed = p.Computed[m];
                if (p.Published.TryGetValue(m, out var f) && f.Value is { } v)
                {
                    var cls = v == computed ? "match" : "miss";
                    var title = f.Note is null ? f.Basis : $"{f.Basis}: {f.Note}";
                    html.Append(CultureInfo.InvariantCulture, $"<td title=\"{E(title)}\">{v:N0}{(f.Basis == "derived" ? "ᵈ" : string.Empty)}</td><td class=\"{cls}\">{computed:N0}</td>");
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"none\" title=\"{E(f?.Note ?? "not published")}\">—</td><td class=\"none\">{computed:N0}</td>");
                }
            }

            if (!p.Reading.IsEmpty)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{string.Join(" / ", result.Measures.Select(m => p.Reading[m].ToString("N0", CultureInfo.InvariantCulture)))}</td>");
            }

            var source = p.Published.Values.Select(f => f.Source).FirstOrDefault();
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"text\">{(source is null ? string.Empty : $"<a href=\"{E(source)}\">source</a>")}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Records(ImmutableArray<RecordSummary> records) =>
        "<h2 id=\"notifications\">Notifications and databases</h2><p>Each party's notifications are owed by the events of the replayed record and held "
        + "to their deadlines; its databases are built as of each exchange date; and its databases are reconciled against its "
        + "notifications, as the other party would (<code>verity deadlines</code>, <code>verity exchange</code>, <code>verity reconcile</code>). "
        + "They rest on the synthetic item history, as the figures above do.</p>"
        + "<table><tr><th>Party</th><th>Notifications owed</th><th>On time</th><th>Databases</th><th>Reconciliation findings</th></tr>"
        + string.Concat(records.Select(r => string.Create(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Party)}</td><td>{r.Owed:N0}</td><td>{r.OnTime:N0}</td><td>{r.Databases:N0}</td><td>{(r.Findings == 0 ? "none" : r.Findings.ToString("N0", CultureInfo.InvariantCulture))}</td></tr>")))
        + "</table>";

    private static string Network(NetworkSummary network) =>
        "<h2 id=\"network\">Through the network</h2><p>A node per party on 127.0.0.1, each with its own key and log; each party's databases and "
        + "notifications submitted to its own node as signed statements, pushed to the other node over HTTP (requests signed per RFC 9421) and "
        + "verified there against the other party's signed checkpoints. Every node holds every log identically:</p>"
        + "<table><tr><th>Log</th><th>Entries</th><th>Root (SHA-256, base64)</th><th>Held identically by</th></tr>"
        + string.Concat(network.Logs.Select(l => string.Create(CultureInfo.InvariantCulture, $"<tr><td>{E(l.Log)}</td><td>{l.Entries:N0}</td><td><code>{E(l.Root)}</code></td><td class=\"text\">{E(l.HeldBy)}</td></tr>")))
        + "</table>"
        + string.Create(CultureInfo.InvariantCulture, $"<p>Compliance derived by each node from the logs it holds, at every database date of each party: {network.Figures:N0} figures compared, {(network.Disagreements == 0 ? "all identical on every node and equal to the replay's own count" : $"{network.Disagreements:N0} that differ")}.</p>");

    private static string E(string text) => HtmlPage.Encode(text);
}
