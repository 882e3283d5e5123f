using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using NodaTime;
using Verity.Core.Compliance;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Text;
using Verity.Core.Treaties;
using Verity.Reports.Charts;
using Verity.Reports.Languages;

namespace Verity.Reports.Dashboard;

/// <summary>
/// Turns the dashboard's models into HTML pages: semantic HTML, tables with captions, one inline SVG chart per limit
/// with a table beside it, in the shell of <see cref="HtmlPage"/>: inline CSS and no external resources. Each page
/// names the node it comes from and carries a date picker (a GET form: it works without scripts); long hashes are
/// shortened with the full value in their title, and one small inline script (<see cref="CopyScript"/>) adds a button
/// that copies it.
/// </summary>
/// <remarks>Every word comes from <paramref name="text"/> (<c>Strings.resx</c>); every value from the model is
/// HTML-encoded, since subjects, uids and names come from parties' logs.</remarks>
/// <param name="text">The strings, in the page's language.</param>
/// <param name="language">The page's language: its direction, and how it writes numbers and dates (default English).</param>
public sealed class DashboardRenderer(IStringLocalizer text, Language? language = null)
{
    private readonly Language _language = language ?? Languages.Languages.English;

    /// <summary>The languages the dashboard's strings are translated into (<c>Strings.resx</c> and
    /// <c>Strings.&lt;code&gt;.resx</c>): the switcher offers these.</summary>
    public static ImmutableArray<Language> Translated { get; } = Languages.Languages.All;

    /// <summary>The language the pages are written in.</summary>
    public Language Language => _language;

    /// <summary>How many sent-on-time notifications the feed lists (every late, overdue, pending or unmatched one is listed).</summary>
    public const int FeedOnTimeRows = 50;

    /// <summary>How many characters of a hash are shown; the full value is in its title and its copy button.</summary>
    public const int HashShown = 12;

    /// <summary>
    /// The one script of the dashboard's pages: it shows each copy button (hidden without scripts, where the full value
    /// is still in the hash's title) and copies the button's value on a click, with the clipboard API where the page is a
    /// secure context and a selected text area elsewhere (a node reached over plain HTTP).
    /// </summary>
    public const string CopyScript = """
        document.querySelectorAll('button.copy').forEach(function (b) {
          b.hidden = false;
          b.addEventListener('click', function () {
            var value = b.getAttribute('data-copy'), label = b.textContent;
            function done() { b.textContent = b.getAttribute('data-copied'); b.setAttribute('data-state', 'copied'); setTimeout(function () { b.textContent = label; }, 1500); }
            function select() {
              var area = document.createElement('textarea');
              area.value = value; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
              document.body.appendChild(area); area.select();
              try { if (document.execCommand('copy')) { done(); } } catch (e) { }
              document.body.removeChild(area);
            }
            if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(value).then(done, select); } else { select(); }
          });
        });
        """;

    private static readonly string[] Colours = ["#1f5aa6", "#b03a2e", "#2e7d4f", "#7d3c98", "#a04000"];

    /// <summary>The overview page: every party and group, where each stands, links to each party's page.</summary>
    public string Overview(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("OverviewHeading", model.TreatyName))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"lede\">{E(T("AsOfStanding", D(model.AsOf), Standing(model.Standing)))}</p>");
        DateNote(body, model.Date, "/", []);
        Alarms(body, model.Alarms);
        var limits = model.Scopes.SelectMany(s => s.Limits).Select(l => (l.LimitId, l.Name)).Distinct().ToList();
        body.Append(CultureInfo.InvariantCulture, $"<table class=\"overview\"><caption>{E(T("OverviewCaption", D(model.AsOf)))}</caption><thead><tr><th scope=\"col\">{E(T("PartyOrGroup"))}</th><th scope=\"col\">{E(T("Members"))}</th><th scope=\"col\">{E(T("Standing"))}</th>");
        foreach (var (_, name) in limits)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"num\">{E(name)}</th>");
        }

        body.Append("</tr></thead><tbody>");
        // Links keep the overview's date.
        var at = "?at=" + Iso(model.AsOf);
        foreach (var scope in model.Scopes)
        {
            // The node's own party: its row says so.
            var own = !scope.IsGroup && model.Node is { } node && node.Party.Value == scope.Scope;
            var title = scope.IsGroup
                ? E(scope.Name)
                : $"<a href=\"{PartyHref(scope.Scope)}{at}\">{E(scope.Name)} ({E(scope.Scope)})</a>{(own ? $"<br><span class=\"state-other\">{E(T("OwnParty"))}</span>" : string.Empty)}";
            var members = string.Join(", ", scope.Members.Select(m => $"<a href=\"{PartyHref(m.Value)}{at}\">{E(m.Value)}</a>"));
            body.Append(CultureInfo.InvariantCulture, $"<tr data-scope=\"{E(scope.Scope)}\"{(own ? " data-own=\"yes\"" : string.Empty)}><th scope=\"row\">{title}</th><td>{members}</td><td>{E(Standing(scope.Standing))}</td>");
            foreach (var (id, _) in limits)
            {
                var limit = scope.Limits.FirstOrDefault(l => l.LimitId == id);
                body.Append(limit is null
                    ? "<td class=\"num\">—</td>"
                    : limit.Value is null && scope.IsGroup
                    ? string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\" data-known=\"no\">—<br><span class=\"state-other\">{E(T("NotKnown"))}</span></td>")
                    : limit.Value is null || limit.Status is not { } status
                    ? string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\" data-declared=\"none\">—<br><span class=\"state-other\">{E(T("NoDeclaration"))}</span></td>")
                    : string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{E(T("ValueOfCeiling", N(limit.Value.Value), N(limit.Ceiling)))}<br><span class=\"{StatusClass(status)}\">{E(Status(status))}</span></td>"));
            }

            body.Append("</tr>");
        }

        body.Append("</tbody></table>");
        return Page(T("OverviewTitle", model.TreatyName), body.ToString(), model.Source, model.Provenance, new Chrome(model.Node, model.Date, "/", []));
    }

    /// <summary>One party's page: charts, notification feed, databases, findings, items and log integrity.</summary>
    public string Party(PartyDashboard model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("PartyHeading", model.PartyName, model.Party.Value, model.TreatyName))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"lede\">{E(T("AsOfStanding", D(model.AsOf), Standing(model.Standing)))}</p>");
        if (model.Node is { } node)
        {
            // Whose page, on whose node, and from which of the node's logs its figures come.
            body.Append(node.Party == model.Party
                ? $"<p class=\"viewing\" data-viewing=\"own\">{E(T("ViewingOwn", model.PartyName, model.Party.Value))}</p>"
                : $"<p class=\"viewing\" data-viewing=\"mirror\">{E(T("ViewingMirror", model.PartyName, model.Party.Value, node.PartyName, node.Party.Value))}</p>");
        }

        var keep = FilterQuery(model.Filter);
        DateNote(body, model.Date, PartyHref(model.Party.Value), keep);
        Alarms(body, model.Alarms);
        body.Append(CultureInfo.InvariantCulture, $"""<nav aria-label="{E(T("Sections"))}"><ul><li><a href="#compliance">{E(T("ComplianceHeading"))}</a></li><li><a href="#notifications">{E(T("NotificationsHeading"))}</a></li><li><a href="#databases">{E(T("DatabasesHeading"))}</a></li><li><a href="#findings">{E(T("FindingsHeading"))}</a></li><li><a href="#inspections">{E(T("InspectionsHeading"))}</a></li><li><a href="#items">{E(T("ItemsHeading"))}</a></li><li><a href="#integrity">{E(T("IntegrityHeading"))}</a></li></ul></nav>""");
        Compliance(body, model);
        Notifications(body, model);
        Databases(body, model);
        Findings(body, model);
        Inspections(body, model);
        Items(body, model);
        Integrity(body, model);
        return Page(T("PartyTitle", model.PartyName, model.TreatyName), body.ToString(), model.Source, model.Provenance, new Chrome(model.Node, model.Date, PartyHref(model.Party.Value), keep));
    }

    /// <summary>An item's history page: every event of the item in the party's record.</summary>
    public string Item(ItemHistory model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new StringBuilder();
        var path = $"{PartyHref(model.Party.Value)}/items/{Uri.EscapeDataString(model.Uid)}";
        var back = model.Date is { } date ? Href(PartyHref(model.Party.Value), [("at", Iso(date.At))], "items") : PartyHref(model.Party.Value) + "#items";
        body.Append(CultureInfo.InvariantCulture, $"<p><a class=\"back\" href=\"{back}\">{E(T("BackToParty", model.Party.Value))}</a></p>");
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(T("ItemHeading", model.Uid))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"lede\">{E(T("ItemLede", TermName(model.Kinds, model.Kind), model.Type, model.Party.Value, model.Treaty))}</p>");
        DateNote(body, model.Date, path, []);

        // On a date, the statements up to it: what the record said of the item then.
        var events = model.Date is { } on ? [.. model.Events.Where(e => e.Date <= on.At)] : model.Events;
        if (events.Length < model.Events.Length)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"later\">{E(T("HistoryLater", N(model.Events.Length - events.Length), D(model.Date!.At)))}</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<table class=\"history\"><caption>{E(T("HistoryCaption", model.Uid, N(events.Length)))}</caption><thead><tr><th scope=\"col\">{E(T("Date"))}</th><th scope=\"col\">{E(T("Statement"))}</th><th scope=\"col\" class=\"num\">{E(T("Entry"))}</th><th scope=\"col\">{E(T("WhatItSays"))}</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var says = e.Listed is { } listed
                ? T("ListedAs", TermName(model.Kinds, listed.Kind), listed.Type, TermName(model.Statuses, listed.Status), listed.Location, N(listed.Warheads))
                : e.Notification is { } n ? T("NotifiedAs", NotificationTypeName(model.NotificationTypes, n.Type), n.Number, n.Subject, DT(n.Sent)) : string.Empty;
            body.Append(CultureInfo.InvariantCulture, $"<tr data-kind=\"{E(e.Type)}\"><td>{D(e.Date)}</td><td>{E(T(e.Listed is null ? "Statement_notification" : "Statement_declaration"))}</td><td class=\"num\">{N(e.Index)}</td><td>{E(says)}</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(T("ItemTitle", model.Uid, model.Party.Value), body.ToString(), model.Source, model.Provenance, new Chrome(model.Node, model.Date, path, []));
    }

    /// <summary>A short page for a request that cannot be answered: titled by its <paramref name="status"/> (400 "Bad
    /// request", 404 "Not found", others "Error" and the code), saying why in the page's language.</summary>
    /// <param name="status">The HTTP status code of the answer.</param>
    /// <param name="reason">What is wrong (a parameter's value, a party, an item), as the core or the node says it.</param>
    /// <param name="field">The request's part the reason is about (<c>at</c>, <c>page</c>…), named before it as it is
    /// written in the request; none for a 404.</param>
    public string Error(int status, Phrase reason, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var title = status switch
        {
            400 => T("Error_400"),
            404 => T("Error_404"),
            _ => T("Error_Other", status.ToString(CultureInfo.InvariantCulture)),
        };
        var words = new PhraseText(_language, [], [], []).Word(reason);
        var message = field is null ? words : $"{field}: {words}";
        return Page(title, $"<h1>{E(title)}</h1><p class=\"problem\" data-status=\"{status.ToString(CultureInfo.InvariantCulture)}\">{E(message)}</p>", null, null, new Chrome(null, null, "/", []));
    }

    private void Compliance(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"compliance\"><h2 id=\"compliance\">{E(T("ComplianceHeading"))}</h2>");
        if (NoBasis(model) is { } none)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"no-declaration\">{E(none)}</p></section>");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("ComplianceLede", D(model.Basis!.Value)))}</p>");
        foreach (var scope in model.Scopes)
        {
            if (scope.IsGroup)
            {
                // A group's values count every member's forces: say whose, and when they are not all known.
                var members = string.Join(", ", scope.Members.Select(m => m.Value));
                body.Append(CultureInfo.InvariantCulture, $"<h3 data-group=\"{E(scope.Scope)}\">{E(T("GroupHeading", scope.Name, members))}</h3><p>{E(T("GroupLede", members))}</p>");
                if (!scope.NotKnown.IsEmpty)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"no-declaration\" data-not-known=\"{E(string.Join(" ", scope.NotKnown.Select(m => m.Value)))}\">{E(T("GroupNotKnown", scope.Name, D(model.AsOf), string.Join(", ", scope.NotKnown.Select(m => m.Value))))}</p>");
                }
            }
            else
            {
                body.Append(CultureInfo.InvariantCulture, $"<h3>{E(scope.Name)}</h3>");
            }

            foreach (var limit in scope.Limits.Where(l => !l.Points.IsEmpty))
            {
                Chart(body, model, scope, limit);
            }
        }

        body.Append("</section>");
    }

    private void Chart(StringBuilder body, PartyDashboard model, ScopeSeries scope, LimitSeries limit)
    {
        var points = limit.Points;
        var start = points[0].Date;
        var end = points[^1].Date > start ? points[^1].Date : start.PlusDays(1);
        var chart = new TimeChart(start, end, Math.Max(points.Max(p => p.Value), limit.Ceiling ?? 0)).Grid(N, _language.Digits);

        // The dates the limit was not in effect, each run as one band named by its status.
        for (var i = 0; i < points.Length;)
        {
            if (points[i].InEffect)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < points.Length && !points[j + 1].InEffect && points[j + 1].Status == points[i].Status)
            {
                j++;
            }

            var to = j + 1 < points.Length ? points[j + 1].Date : end;
            chart.Band(points[i].Date, to, "not-in-effect", T("NotInEffectBand", Status(points[i].Status), D(points[i].Date), D(to)));
            i = j + 1;
        }

        var ceilingFrom = limit.From > start ? limit.From : start;
        if (ceilingFrom < end && limit.Ceiling is { } ceiling)
        {
            chart.Ceiling(limit.LimitId, ceiling, ceilingFrom, end, N(limit.Ceiling), T("CeilingTitle", limit.Name, N(limit.Ceiling), D(limit.From)));
        }

        var colour = Colours[Math.Abs(StringComparer.Ordinal.GetHashCode(scope.Scope) % Colours.Length)];
        chart.Series(points.Select(p => (p.Date, (double)p.Value)), colour, "value", attributes: [KeyValuePair.Create("data-scope", scope.Scope)]);
        foreach (var p in points)
        {
            chart.Dot(p.Date, p.Value, p.Status == LimitStatus.Exceeds ? "#a3261b" : colour, T("PointTitle", D(p.Date), N(p.Value), N(p.Ceiling), Status(p.Status)), hollow: !p.InEffect);
        }

        var latest = points[^1];
        var peak = points.Where(p => p.InEffect).MaxBy(p => p.Value);
        var description = peak is null
            ? T("ChartDescriptionNotInEffect", scope.Name, limit.Name, D(start), D(end), N(limit.Ceiling), N(latest.Value))
            : T("ChartDescription", scope.Name, limit.Name, D(start), D(end), N(limit.Ceiling), N(latest.Value), Status(latest.Status), N(peak.Value), D(peak.Date));
        var id = $"chart-{Slug(scope.Scope)}-{Slug(limit.LimitId)}";
        body.Append(CultureInfo.InvariantCulture, $"<figure data-limit=\"{E(limit.LimitId)}\" data-scope=\"{E(scope.Scope)}\"><h4>{E(T("LimitHeading", limit.Name, limit.Article ?? limit.LimitId, N(limit.Ceiling)))}</h4>");
        body.Append(chart.ToSvg(id, T("ChartLabel", limit.Name, scope.Name), description, [KeyValuePair.Create("data-limit", limit.LimitId)]));
        body.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(description)} {E(T("ChartLegend"))}</figcaption>");
        body.Append(CultureInfo.InvariantCulture, $"<details><summary>{E(T("TableOfValues"))}</summary><table class=\"values\"><caption>{E(T("ValuesCaption", limit.Name, scope.Name))}</caption><thead><tr><th scope=\"col\">{E(T("Date"))}</th><th scope=\"col\" class=\"num\">{E(T("Value"))}</th><th scope=\"col\" class=\"num\">{E(T("Declared"))}</th><th scope=\"col\" class=\"num\">{E(T("Ceiling"))}</th><th scope=\"col\">{E(T("Status"))}</th></tr></thead><tbody>");
        foreach (var p in points)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{D(p.Date)}</td><td class=\"num\">{N(p.Value)}</td><td class=\"num\">{(p.Declared is { } declared ? N(declared) : "—")}</td><td class=\"num\">{N(p.Ceiling)}</td><td class=\"{StatusClass(p.Status)}\">{E(Status(p.Status))}</td></tr>");
        }

        body.Append("</tbody></table></details></figure>");
    }

    private void Notifications(StringBuilder body, PartyDashboard model)
    {
        var rows = model.Notifications;
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"notifications\"><h2 id=\"notifications\">{E(T("NotificationsHeading"))}</h2><ul class=\"cards\">");
        foreach (var state in Enum.GetValues<NotificationState>())
        {
            body.Append(CultureInfo.InvariantCulture, $"<li class=\"state-{Kebab(state.ToString())}\"><strong>{N(rows.Count(r => r.State == state))}</strong>{E(NotificationStateText(state))}</li>");
        }

        body.Append("</ul>");
        // Every late, overdue, pending or unmatched one; of those sent on time or not assessed, the latest.
        static bool Routine(NotificationRow r) => r.State is NotificationState.OnTime or NotificationState.NotAssessed;
        var shown = rows.Where(r => !Routine(r))
            .Concat(rows.Where(r => r.State == NotificationState.OnTime).OrderByDescending(r => r.Triggered).Take(FeedOnTimeRows))
            .Concat(rows.Where(r => r.State == NotificationState.NotAssessed).OrderByDescending(r => r.Triggered).Take(FeedOnTimeRows))
            .OrderByDescending(r => r.Triggered).ToList();
        if (rows.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("NoNotifications"))}</p></section>");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<table class=\"feed\"><caption>{E(T("FeedCaption", N(shown.Count), N(rows.Length)))}</caption><thead><tr><th scope=\"col\">{E(T("Type"))}</th><th scope=\"col\">{E(T("Number"))}</th><th scope=\"col\">{E(T("Subject"))}</th><th scope=\"col\">{E(T("Triggered"))}</th><th scope=\"col\">{E(T("Due"))}</th><th scope=\"col\">{E(T("Sent"))}</th><th scope=\"col\">{E(T("State"))}</th></tr></thead><tbody>");
        foreach (var r in shown)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr data-state=\"{Kebab(r.State.ToString())}\"{Extrapolated(model.Provenance, r.Triggered.Date, out var mark)}><td>{E(NotificationTypeName(model.NotificationTypes, r.Type))}</td><td>{E(r.Number ?? "—")}</td><td>{E(r.Subject)}</td><td>{DT(r.Triggered)}{mark}</td><td>{(r.Due is { } due ? DT(due) : "—")}</td><td>{(r.Sent is { } sent ? DT(sent) : "—")}</td><td class=\"state-{Kebab(r.State.ToString())}\">{E(NotificationStateText(r.State))}</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private void Databases(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"databases\"><h2 id=\"databases\">{E(T("DatabasesHeading"))}</h2>");
        if (model.Databases.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("NoDatabases"))}</p></section>");
            return;
        }

        var columns = model.Databases.SelectMany(d => d.Counts).Select(c => (c.Id, c.Name)).Distinct().ToList();
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table class=\"databases\"><caption>{E(T("DatabasesCaption", N(model.Databases.Length)))}</caption><thead><tr><th scope=\"col\">{E(T("AsOf"))}</th><th scope=\"col\">{E(T("Sha256"))}</th>");
        foreach (var (_, name) in columns)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"num\">{E(name)}</th>");
        }

        body.Append("</tr></thead><tbody>");
        foreach (var d in model.Databases)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr{Extrapolated(model.Provenance, d.AsOf, out var mark)}><th scope=\"row\">{D(d.AsOf)}{mark}</th><td>{Hash(d.Sha256)}</td>");
            foreach (var (id, _) in columns)
            {
                body.Append(d.Counts.FirstOrDefault(c => c.Id == id) is { } count ? $"<td class=\"num\">{N(count.Count)}</td>" : "<td class=\"num\">—</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</tbody></table></div></section>");
    }

    private void Findings(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"findings\"><h2 id=\"findings\">{E(T("FindingsHeading"))}</h2>");
        if (model.Findings.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"yes\">{E(T("NoFindings", N(model.Reconciled.Databases), N(model.Reconciled.Changes)))}</p></section>");
            return;
        }

        var words = Words(model);
        body.Append(CultureInfo.InvariantCulture, $"<table class=\"findings\"><caption>{E(T("FindingsCaption", N(model.Findings.Length)))}</caption><thead><tr><th scope=\"col\">{E(T("Date"))}</th><th scope=\"col\">{E(T("Finding"))}</th><th scope=\"col\">{E(T("Subject"))}</th><th scope=\"col\">{E(T("Evidence"))}</th><th scope=\"col\">{E(T("Details"))}</th></tr></thead><tbody>");
        foreach (var f in model.Findings)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{D(f.Date)}</td><td class=\"no\">{E(FindingText(f.Kind))}</td><td>{E(f.Subject)}</td><td>{E(words.Word(f.Seen))}</td><td>{E(words.Word(f.Said))}</td></tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private void Inspections(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"inspections\"><h2 id=\"inspections\">{E(T("InspectionsHeading"))}</h2><p>{E(T("InspectionsLede"))}</p>");
        if (!model.QuotaUse.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<table class=\"quota\"><caption>{E(T("QuotaCaption", model.Party.Value))}</caption><thead><tr><th scope=\"col\">{E(T("TreatyYear"))}</th><th scope=\"col\">{E(T("InspectionType"))}</th><th scope=\"col\">{E(T("QuotaUsed"))}</th><th scope=\"col\">{E(T("QuotaPerYear"))}</th></tr></thead><tbody>");
            foreach (var q in model.QuotaUse)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{N(q.TreatyYear)}</td><td>{E(q.Type)}</td><td class=\"num\">{N(q.Used)}</td><td class=\"num\">{N(q.PerYear)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        if (model.Inspections.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("NoInspections", D(model.AsOf)))}</p></section>");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<table class=\"inspections\"><caption>{E(T("InspectionsCaption", N(model.Inspections.Length)))}</caption><thead><tr><th scope=\"col\">{E(T("Inspection"))}</th><th scope=\"col\">{E(T("InspectedBy"))}</th><th scope=\"col\">{E(T("InspectedParty"))}</th><th scope=\"col\">{E(T("InspectionType"))}</th><th scope=\"col\">{E(T("Arrival"))}</th><th scope=\"col\">{E(T("Site"))}</th><th scope=\"col\">{E(T("Stage"))}</th><th scope=\"col\">{E(T("SelectedByDraw"))}</th><th scope=\"col\">{E(T("Counted"))}</th><th scope=\"col\">{E(T("InspectionFindings"))}</th></tr></thead><tbody>");
        var words = Words(model);
        foreach (var i in model.Inspections)
        {
            var selected = i.Withheld.IsEmpty ? string.Join(", ", i.Selected) : T("SelectionVoid", string.Join(", ", i.Withheld));
            var findings = i.Findings.IsEmpty ? $"<td class=\"yes\">{E(T("NoInspectionFindings"))}</td>" : $"<td class=\"no\">{string.Join("<br>", i.Findings.Select(f => E(words.Word(f))))}</td>";
            body.Append(CultureInfo.InvariantCulture, $"<tr data-inspection=\"{E(i.Id)}\"><td>{E(i.Id)}</td><td>{E(i.Inspecting.Value)}</td><td>{E(i.Inspected.Value)}</td><td>{E(i.Type)}</td><td>{D(i.Arrival)}</td><td>{E(i.Site ?? string.Empty)}</td><td data-stage=\"{E(i.Stage)}\">{E(T("Stage_" + i.Stage))}</td><td>{E(selected)}</td><td>{E(string.Join(", ", i.Counted.Select(c => $"{c.Uid}: {N(c.Warheads)}")))}</td>{findings}</tr>");
        }

        body.Append("</tbody></table></section>");
    }

    private void Items(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"items\"><h2 id=\"items\">{E(T("ItemsHeading"))}</h2>");
        if (NoBasis(model) is { } none)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"no-declaration\">{E(none)}</p></section>");
            return;
        }

        if (model.CountedByLocation > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("CountedByLocation", N(model.CountedByLocation), D(model.Basis!.Value)))}</p>");
        }

        if (model.Items.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("NoItems", D(model.AsOf)))}</p></section>");
            return;
        }

        var path = PartyHref(model.Party.Value);
        var filter = model.Filter;
        var at = Iso(model.AsOf);
        ItemsFilterForm(body, model, path, at);
        var matching = filter.Matching(model.Items);
        if (matching.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"no-match\">{E(T("NoItemsMatch", N(model.Items.Length), D(model.AsOf)))}</p></section>");
            return;
        }

        // The page asked for, within the pages there are (the node refuses a page beyond them before it renders).
        var pages = ItemFilter.Pages(matching.Length);
        var page = Math.Clamp(filter.Page, 1, pages);
        var first = (page - 1) * ItemFilter.PageSize;
        var shown = matching.Skip(first).Take(ItemFilter.PageSize).ToList();
        var range = (From: N(first + 1), To: N(first + shown.Count));
        var caption = filter.IsFiltered
            ? T("ItemsCaptionFiltered", range.From, range.To, N(matching.Length), N(model.Items.Length), D(model.AsOf))
            : T("ItemsCaption", range.From, range.To, N(model.Items.Length), D(model.AsOf));
        body.Append(CultureInfo.InvariantCulture, $"<table class=\"items\" data-matching=\"{matching.Length.ToString(CultureInfo.InvariantCulture)}\" data-page=\"{page.ToString(CultureInfo.InvariantCulture)}\"><caption>{E(caption)}</caption><thead><tr><th scope=\"col\">{E(T("Uid"))}</th><th scope=\"col\">{E(T("Kind"))}</th><th scope=\"col\">{E(T("ItemType"))}</th><th scope=\"col\">{E(T("Status"))}</th><th scope=\"col\">{E(T("Location"))}</th></tr></thead><tbody>");
        var itemQuery = "?at=" + at;
        foreach (var item in shown)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><a class=\"item\" href=\"{path}/items/{Uri.EscapeDataString(item.Uid)}{itemQuery}\">{E(item.Uid)}</a></td><td>{E(TermName(model.Kinds, item.Kind))}</td><td>{E(item.Type)}</td><td>{E(TermName(model.Statuses, item.Status))}</td><td>{E(item.Location)}</td></tr>");
        }

        body.Append("</tbody></table>");
        if (pages > 1)
        {
            // Previous and next keep the date and the filter.
            string PageHref(int to) => Href(path, [("at", at), .. FilterQuery(filter), ("page", to.ToString(CultureInfo.InvariantCulture))], "items");
            body.Append(CultureInfo.InvariantCulture, $"<nav class=\"pager\" aria-label=\"{E(T("ItemPages"))}\"><span>{E(T("PageOf", N(page), N(pages)))}</span>");
            body.Append(page > 1 ? $"<a rel=\"prev\" href=\"{PageHref(page - 1)}\">{E(T("PreviousPage"))}</a>" : string.Empty);
            body.Append(page < pages ? $"<a rel=\"next\" href=\"{PageHref(page + 1)}\">{E(T("NextPage"))}</a>" : string.Empty);
            body.Append("</nav>");
        }

        body.Append("</section>");
    }

    /// <summary>The items filter: kind and status from the treaty's vocabulary, base from the locations listed on the
    /// date; a GET form that keeps the date and starts again at the first page.</summary>
    private void ItemsFilterForm(StringBuilder body, PartyDashboard model, string path, string at)
    {
        var filter = model.Filter;
        var kinds = model.Kinds.IsEmpty
            ? model.Items.Select(i => i.Kind).Distinct().Order(StringComparer.Ordinal).Select(k => (k, k)).ToList()
            : model.Kinds.Select(k => (k.Id, k.NameIn(_language.Code))).ToList();
        var statuses = model.Statuses.IsEmpty
            ? model.Items.Select(i => i.Status).Distinct().Order(StringComparer.Ordinal).Select(k => (k, k)).ToList()
            : model.Statuses.Select(k => (k.Id, k.NameIn(_language.Code))).ToList();
        var bases = model.Items.Select(i => i.Location).Append(filter.Base).OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(b => (b, b)).ToList();
        body.Append(CultureInfo.InvariantCulture, $"<form class=\"filter\" method=\"get\" action=\"{path}#items\" aria-label=\"{E(T("FilterItems"))}\"><input type=\"hidden\" name=\"at\" value=\"{at}\">");
        Select(body, "kind", T("Kind"), T("AnyKind"), kinds, filter.Kind);
        Select(body, "status", T("Status"), T("AnyStatus"), statuses, filter.Status);
        Select(body, "base", T("Base"), T("AnyBase"), bases, filter.Base);
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T("ApplyFilter"))}</button>");
        if (filter.IsFiltered)
        {
            body.Append(CultureInfo.InvariantCulture, $"<a class=\"clear\" href=\"{Href(path, [("at", at)], "items")}\">{E(T("ClearFilter"))}</a>");
        }

        body.Append("</form>");
    }

    private static void Select(StringBuilder body, string name, string label, string any, List<(string Value, string Text)> options, string? selected)
    {
        body.Append(CultureInfo.InvariantCulture, $"<label>{E(label)} <select name=\"{name}\"><option value=\"\">{E(any)}</option>");
        foreach (var (value, text) in options)
        {
            var shown = text == value ? value : $"{text} ({value})";
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(value)}\"{(value == selected ? " selected" : string.Empty)}>{E(shown)}</option>");
        }

        body.Append("</select></label>");
    }

    private void Integrity(StringBuilder body, PartyDashboard model)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"integrity\"><h2 id=\"integrity\">{E(T("IntegrityHeading"))}</h2><p>{E(T("IntegrityLede"))}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<table class=\"logs\"><caption>{E(T("LogsCaption"))}</caption><thead><tr><th scope=\"col\">{E(T("Log"))}</th><th scope=\"col\">{E(T("Held"))}</th><th scope=\"col\" class=\"num\">{E(T("TreeSize"))}</th><th scope=\"col\">{E(T("RootHash"))}</th><th scope=\"col\">{E(T("Verified"))}</th><th scope=\"col\">{E(T("LastVerified"))}</th></tr></thead><tbody>");
        foreach (var log in model.Logs)
        {
            var verified = log.Verified
                ? $"<span class=\"yes\">{E(T(log.Own ? "VerifiedNow" : "VerifiedOnIngest"))}</span>"
                : log.Checkpoint is null
                ? $"<span class=\"state-pending\">{E(T("NoCheckpointYet"))}</span>"
                : $"<span class=\"no\">{E(T("No"))}</span> {E(log.Problem ?? string.Empty)}";
            body.Append(CultureInfo.InvariantCulture, $"<tr data-log=\"{E(log.Party)}\"><th scope=\"row\">{E(log.Party)}</th><td>{E(T(log.Own ? "OwnLog" : "MirrorLog"))}</td><td class=\"num\">{N(log.Size)}</td><td>{(log.RootHash is { } root ? Hash(root) : "—")}</td><td>{verified}</td><td>{(log.LastVerified is { } seen ? E(I(seen)) : E(T("Never")))}</td></tr>");
        }

        body.Append("</tbody></table>");
        foreach (var log in model.Logs.Where(l => l.Checkpoint is not null))
        {
            body.Append(CultureInfo.InvariantCulture, $"<h3>{E(T(log.Own ? "CheckpointHeading" : "MirrorCheckpointHeading", log.Party))}</h3><pre>{E(log.Checkpoint!)}</pre>");
        }

        if (model.Peers.IsEmpty)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(T("NoPeers"))}</p>");
        }
        else
        {
            body.Append(CultureInfo.InvariantCulture, $"<table class=\"peers\"><caption>{E(T("PeersCaption"))}</caption><thead><tr><th scope=\"col\">{E(T("Party"))}</th><th scope=\"col\">{E(T("Address"))}</th><th scope=\"col\">{E(T("LastContact"))}</th><th scope=\"col\" class=\"num\">{E(T("Acknowledged"))}</th><th scope=\"col\">{E(T("LastError"))}</th></tr></thead><tbody>");
            foreach (var peer in model.Peers)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr data-peer=\"{E(peer.Party)}\"><th scope=\"row\">{E(peer.Party)}</th><td>{E(peer.Address)}</td><td>{(peer.LastContact is { } seen ? E(I(seen)) : E(T("Never")))}</td><td class=\"num\">{N(peer.Acknowledged)}</td><td>{(peer.LastError is { } error ? $"<span class=\"no\">{E(error)}</span>" : "—")}</td></tr>");
            }

            body.Append("</tbody></table>");
            foreach (var peer in model.Peers.Where(p => p.LastReceipt is not null))
            {
                body.Append(CultureInfo.InvariantCulture, $"<h3>{E(T("ReceiptHeading", peer.Party))}</h3><pre>{E(peer.LastReceipt!)}</pre>");
            }
        }

        body.Append("</section>");
    }

    /// <summary>The equivocation alarms, first on every page that has them: whose log, why, and both signed checkpoints.</summary>
    private void Alarms(StringBuilder body, ImmutableArray<EquivocationAlarm> alarms)
    {
        if (alarms.IsEmpty)
        {
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<section class=\"alarms\" role=\"alert\" aria-labelledby=\"alarms\"><h2 id=\"alarms\">{E(T("AlarmsHeading", N(alarms.Length)))}</h2><p>{E(T("AlarmsLede"))}</p>");
        foreach (var alarm in alarms)
        {
            body.Append(CultureInfo.InvariantCulture, $"<article class=\"alarm\" data-log=\"{E(alarm.Log)}\"><h3>{E(T("AlarmHeading", alarm.Log))}</h3><p><strong>{E(T("Reason"))}</strong> {E(alarm.Reason)}</p>");
            body.Append(CultureInfo.InvariantCulture, $"<h4>{E(T("FirstCheckpoint"))}</h4><pre>{E(alarm.First)}</pre><h4>{E(T("SecondCheckpoint"))}</h4><pre>{E(alarm.Second)}</pre></article>");
        }

        body.Append("</section>");
    }

    /// <summary>For a row dated <paramref name="date"/>: the row's attribute and, in <paramref name="mark"/>, the word
    /// after its date, when the provenance says rows of that date are extrapolated; empty otherwise.</summary>
    private string Extrapolated(DashboardProvenance? provenance, LocalDate date, out string mark)
    {
        var extrapolated = provenance?.IsExtrapolated(date) == true;
        mark = extrapolated ? $"<br><span class=\"state-other\">{E(T("Extrapolated"))}</span>" : string.Empty;
        return extrapolated ? " data-extrapolated=\"yes\"" : string.Empty;
    }

    /// <summary>What to say instead of figures when no database is declared on or before the page's date; <c>null</c> when one is.</summary>
    private string? NoBasis(PartyDashboard model) =>
        model.FirstDeclaration is not { } first ? T("NoDeclarationYet", model.PartyName, model.Party.Value)
        : model.Basis is null ? T("NoDeclarationOnDate", model.PartyName, D(model.AsOf), D(first))
        : null;

    /// <summary>Where the logs came from, in the page's language where it is the demo's notice.</summary>
    private string Notice(DashboardProvenance provenance) => provenance is { IsDemo: true, ExtrapolatedAfter: { } after }
        ? T("Provenance_Demo", D(after), Replay.ReplayReport.Synthetic(_language))
        : provenance.Notice;

    private string Page(string title, string main, string? source, DashboardProvenance? provenance, Chrome chrome)
    {
        var header = $"<nav aria-label=\"{E(T("SiteNavigation"))}\"><a href=\"/\">{E(T("Overview"))}</a></nav>{Switcher(chrome)}{NodeLine(chrome.Node)}{DatePicker(chrome)}";
        // The script only where there is a button for it.
        var copies = header.Contains("class=\"copy\"", StringComparison.Ordinal) || main.Contains("class=\"copy\"", StringComparison.Ordinal);
        return HtmlPage.Render(
            T("Lang"),
            title,
            (provenance is null ? string.Empty : $"<p class=\"provenance\" role=\"note\">{E(Notice(provenance))}</p>") + main,
            header: header,
            footer: $"{(source is null ? string.Empty : $"<p>{E(T("SourceNote", source))}</p>")}<p>{E(T("DerivedNote"))}</p>{(_language.Code == "en" ? string.Empty : $"<p>{E(T("TranslatedNote"))}</p>")}",
            script: copies ? CopyScript : null,
            dir: _language.Direction);
    }

    /// <summary>The languages the page is offered in: links to the same page and date in each (<c>?lang=</c>), the
    /// page's own marked as current.</summary>
    private string Switcher(Chrome chrome)
    {
        var links = Translated.Select(l => l == _language
            ? $"<a aria-current=\"true\" lang=\"{E(l.Code)}\" hreflang=\"{E(l.Code)}\" href=\"{Href(chrome.Path, [.. At(chrome), .. chrome.Keep, ("lang", l.Code)])}\">{E(l.Name)}</a>"
            : $"<a lang=\"{E(l.Code)}\" hreflang=\"{E(l.Code)}\" href=\"{Href(chrome.Path, [.. At(chrome), .. chrome.Keep, ("lang", l.Code)])}\">{E(l.Name)}</a>");
        return $"<nav class=\"languages\" aria-label=\"{E(T("Languages"))}\">{string.Join(" ", links)}</nav>";
    }

    private static IEnumerable<(string Name, string Value)> At(Chrome chrome) => chrome.Date is { Reason: DateReason.Asked } date ? [("at", Iso(date.At))] : [];

    /// <summary>The node the page comes from: its party, where it was reached, its checkpoints' origin and its key.</summary>
    private string NodeLine(NodeIdentity? node) => node is null ? string.Empty
        : $"<p class=\"node\" data-node=\"{E(node.Party.Value)}\">{E(T("NodeLine", node.PartyName, node.Party.Value, node.Address, node.Origin))} {Hash(node.Key)}</p>";

    /// <summary>
    /// The date picker: a GET form to the same page with the date (bounds widened to hold the page's own) and the
    /// page's other parameters (its filter; the page of items starts again), and a link to today.
    /// </summary>
    private string DatePicker(Chrome chrome)
    {
        if (chrome.Date is not { } date)
        {
            return string.Empty;
        }

        var min = date.At < date.First ? date.At : date.First;
        var max = date.At > date.Last ? date.At : date.Last;
        var form = new StringBuilder();
        form.Append(CultureInfo.InvariantCulture, $"<form class=\"date\" method=\"get\" action=\"{chrome.Path}\" aria-label=\"{E(T("ChooseDate"))}\">");
        form.Append(CultureInfo.InvariantCulture, $"<label>{E(T("Date"))} <input type=\"date\" name=\"at\" value=\"{Iso(date.At)}\" min=\"{Iso(min)}\" max=\"{Iso(max)}\" required></label>");
        foreach (var (name, value) in chrome.Keep)
        {
            form.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">");
        }

        form.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">{E(T("ShowDate"))}</button>");
        form.Append(CultureInfo.InvariantCulture, $"<a class=\"today\" href=\"{Href(chrome.Path, [("at", Iso(date.Today)), .. chrome.Keep])}\">{E(T("TodayLink", D(date.Today)))}</a></form>");
        return form.ToString();
    }

    /// <summary>Why the page shows its date, when no date was asked for: today, or — the treaty having ended — its last
    /// day in force, with the latest statement's date and a link to today.</summary>
    private void DateNote(StringBuilder body, PageDate? date, string path, IEnumerable<(string Name, string Value)> keep)
    {
        switch (date)
        {
            case { Reason: DateReason.Today }:
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"dated\" data-reason=\"today\">{E(T("DateToday", D(date.At)))}</p>");
                break;
            case { Reason: DateReason.LastDayInForce, Ended: { } ended }:
                var latest = date.LatestStatement is { } l ? " " + T("DateLatestStatement", D(l)) : string.Empty;
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"dated\" data-reason=\"last-day-in-force\">{E(T("DateLastDayInForce", D(ended), Standing(date.EndedAs ?? TreatyStanding.Expired), D(date.At)) + latest)} ");
                body.Append(CultureInfo.InvariantCulture, $"<a class=\"today\" href=\"{Href(path, [("at", Iso(date.Today)), .. keep])}\">{E(T("ShowToday", D(date.Today)))}</a></p>");
                break;
        }
    }

    /// <summary>A hash shortened to <see cref="HashShown"/> characters and "…", the full value in its title and in a copy
    /// button (shown by <see cref="CopyScript"/>); a short value as it is.</summary>
    private string Hash(string value) => value.Length <= HashShown + 4
        ? $"<code class=\"hash\">{E(value)}</code>"
        : $"<code class=\"hash\" title=\"{E(value)}\">{E(value[..HashShown])}…</code><button type=\"button\" class=\"copy\" data-copy=\"{E(value)}\" data-copied=\"{E(T("Copied"))}\" title=\"{E(T("CopyTitle"))}\" hidden>{E(T("Copy"))}</button>";

    /// <summary>The filter's query parameters, those set.</summary>
    private static List<(string Name, string Value)> FilterQuery(ItemFilter filter) =>
        [.. new[] { ("kind", filter.Kind), ("status", filter.Status), ("base", filter.Base) }.Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!))];

    /// <summary>A link to <paramref name="path"/> with the query's parameters (escaped) and a fragment, HTML-encoded for an attribute.</summary>
    private static string Href(string path, IEnumerable<(string Name, string Value)> query, string? fragment = null)
    {
        var q = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return E(path + (q.Length == 0 ? string.Empty : "?" + q) + (fragment is null ? string.Empty : "#" + fragment));
    }

    /// <summary>What a page's shell shows beside its content: the node, the date picker and what it keeps.</summary>
    private sealed record Chrome(NodeIdentity? Node, PageDate? Date, string Path, IReadOnlyList<(string Name, string Value)> Keep);

    private string T(string key, params object[] args)
    {
        var s = args.Length == 0 ? text[key] : text[key, args];
        return s.ResourceNotFound ? throw new InvalidOperationException($"the dashboard's strings have no '{key}'") : s.Value;
    }

    // The core's phrases in the page's language, its terms named by the treaty's vocabulary the page carries.
    // A kind or status by its name in the page's language; in English by its id (icbm), as the API writes it.
    private string TermName(ImmutableArray<VocabularyEntry> terms, string id) => _language.Code == "en" ? id
        : terms.FirstOrDefault(t => t.Id == id)?.NameIn(_language.Code) ?? id;

    // A notification type by its name in the page's language; in English by its id (change-in-data), as the API writes it.
    private string NotificationTypeName(ImmutableArray<NotificationType> types, string type) => _language.Code == "en" ? type
        : types.FirstOrDefault(n => n.Id == type)?.Names.GetValueOrDefault(_language.Code) ?? type;

    private PhraseText Words(PartyDashboard model) => new(_language, model.Kinds, model.Statuses, model.NotificationTypes);

    private string Standing(TreatyStanding standing) => T("Standing_" + standing);

    private string Status(LimitStatus status) => T("Status_" + status);

    private string NotificationStateText(NotificationState state) => T("Notification_" + state);

    private string FindingText(FindingKind kind) => T("Finding_" + kind);

    private static string StatusClass(LimitStatus status) => status switch
    {
        LimitStatus.Within => "state-within",
        LimitStatus.Exceeds => "state-exceeds",
        _ => "state-other",
    };

    private static string PartyHref(string party) => "/dashboard/" + Uri.EscapeDataString(party);

    private static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Slug(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    private string D(LocalDate date) => _language.Date(date);

    // A date in a link, a form's value or an attribute: ISO, whatever the language.
    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A date and time (GMT) as the language writes the date, the time in its digits.
    private string DT(LocalDateTime time) => _language.DateTime(time, keepMidnight: false);

    private string I(DateTimeOffset instant) =>
        T("UtcTime", D(LocalDate.FromDateTime(instant.UtcDateTime)) + " " + _language.Digits(instant.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));

    private string N(long value) => _language.Number(value);

    private string N(long? value) => value is { } v ? N(v) : "—";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
