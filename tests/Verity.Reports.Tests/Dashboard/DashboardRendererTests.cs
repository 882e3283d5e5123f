using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NodaTime;
using Verity.Core;
using Verity.Core.Compliance;
using Verity.Core.Exchanges;
using Verity.Core.Notifications;
using Verity.Core.Reconciliation;
using Verity.Core.Records;
using Verity.Core.Text;
using Verity.Core.Treaties;
using Verity.Reports.Dashboard;
using Verity.Reports.Languages;

namespace Verity.Reports.Tests.Dashboard;

public sealed partial class DashboardRendererTests
{
    // Subjects, uids and names come from other parties' logs: anything may be in them.
    private const string Hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public void Party_UntrustedText_IsEncodedEverywhere()
    {
        var html = Renderer().Party(Model(Hostile, Hostile));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Hostile), html, StringComparison.Ordinal);
        // The uid in a link is escaped as a path segment.
        Assert.Contains("/dashboard/US/items/" + Uri.EscapeDataString(Hostile), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_UntrustedUidAndDescription_AreEncoded()
    {
        var html = Renderer().Item(new ItemHistory("Ж", PartyCode.Parse("US"), Hostile, "Ж", "Ж", Events(Hostile), "Ж"));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Hostile), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_InAPseudoLanguage_HaveNoWordThatIsNotFromTheResources()
    {
        // Every string is its resource key in brackets, and every value in the model is free of Latin letters:
        // any Latin letter left in the page's text is a word that did not come from Strings.resx.
        var renderer = new DashboardRenderer(new KeyLocalizer());
        var model = Model("Ж-7", "Ж-1", names: "Ж") with { Node = Node("Ж"), Date = Dated(DateReason.LastDayInForce) };
        var pages = new[]
        {
            renderer.Overview(Overview() with { Node = Node("Ж"), Date = Dated(DateReason.Today) }),
            renderer.Party(model),
            renderer.Party(model with { Node = Node("Ж", "RU"), Filter = new ItemFilter("Ж", Page: 2), Items = Items(500, "Ж") }),
            renderer.Party(model with { Filter = new ItemFilter(Base: "Ж-Ж") }),
            renderer.Party(model with { FirstDeclaration = null, Basis = null }),
            renderer.Party(WithGroup(model, notKnown: true)),
            renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж") { Node = Node("Ж"), Date = Dated(DateReason.Asked, new LocalDate(2011, 2, 4)) }),
            renderer.Error(400, Wordings.Statements.With("Ж"), "Ж"),
            renderer.Error(404, Wordings.Statements.With("Ж"), "Ж"),
            renderer.Error(500, Wordings.Statements.With("Ж"), "Ж"),
        };

        foreach (var page in pages)
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(Keys().Replace(Style().Replace(Script().Replace(page, string.Empty), string.Empty), string.Empty), " "))
                .Replace("US", string.Empty, StringComparison.Ordinal).Replace("RU", string.Empty, StringComparison.Ordinal); // parties' codes are values
            foreach (var language in Verity.Reports.Languages.Languages.All)
            {
                text = text.Replace(language.Name, string.Empty, StringComparison.Ordinal); // the switcher names each language in itself
            }

            var words = Latin().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(words.Count == 0, $"words not from the resources: {string.Join(", ", words)}");
        }
    }

    [Fact]
    public void Renderer_UsesEveryResourceAndEveryResourceItUsesExists()
    {
        var used = new KeyLocalizer();
        var renderer = new DashboardRenderer(used);
        var model = Model("Ж-7", "Ж-1");
        renderer.Overview(Overview());
        renderer.Party(model);
        renderer.Party(model with { Findings = [], Notifications = [], Databases = [], Items = [], Peers = [], Alarms = [] });
        renderer.Party(model with { FirstDeclaration = null, Basis = null });
        renderer.Party(model with { Basis = null });
        renderer.Party(model with { Provenance = new DashboardProvenance("Ж", new LocalDate(2000, 1, 1)) });
        renderer.Party(model with { Provenance = DashboardProvenance.Demo(new LocalDate(2000, 1, 1)) });
        renderer.Party(WithGroup(model, notKnown: true));
        renderer.Party(model with { Node = Node("Ж"), Date = Dated(DateReason.LastDayInForce) });
        renderer.Party(model with { Node = Node("Ж", "RU"), Filter = new ItemFilter("Ж", Page: 2), Items = Items(500, "Ж") });
        renderer.Party(model with { Filter = new ItemFilter(Base: "Ж-Ж") });
        renderer.Party(model with
        {
            QuotaUse = [new QuotaUse("Ж", 1, 1, 10)],
            Inspections =
            [
                new InspectionRow("Ж-1", PartyCode.Parse("US"), PartyCode.Parse("RU"), "Ж", new LocalDate(2011, 5, 10), "Ж", "acknowledged", ["Ж-2"], [], [("Ж-2", 2)], [Wordings.Statements.With("Ж")]),
                new InspectionRow("Ж-3", PartyCode.Parse("US"), PartyCode.Parse("RU"), "Ж", new LocalDate(2011, 5, 10), null, "void", [], ["RU"], [], []),
            ],
        });
        renderer.Overview(Overview() with { Node = Node("Ж"), Date = Dated(DateReason.Today) });
        renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж"));
        renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж") { Date = Dated(DateReason.Asked, new LocalDate(2011, 2, 4)) });
        renderer.Error(400, Wordings.NotAPage.With("Ж"), "page");
        renderer.Error(404, Wordings.NotAPage.With("Ж"), "page");
        renderer.Error(500, Wordings.NotAPage.With("Ж"), "page");
        new DashboardRenderer(used, Verity.Reports.Languages.Languages.Find("ru")).Overview(Overview()); // the note a translated page carries
        var declared = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Strings.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        // Words for every state the model can carry are looked up by name; the rest are used by the pages above.
        var byName = Enum.GetNames<TreatyStanding>().Select(n => "Standing_" + n)
            .Concat(Enum.GetNames<LimitStatus>().Select(n => "Status_" + n))
            .Concat(Enum.GetNames<NotificationState>().Select(n => "Notification_" + n))
            .Concat(Enum.GetNames<FindingKind>().Select(n => "Finding_" + n))
            .Concat(Verity.Core.Inspections.InspectionState.Stages.Select(n => "Stage_" + n));
        Assert.Empty(used.Keys.Concat(byName).Except(declared));
        Assert.Empty(declared.Except(used.Keys).Except(byName));
    }

    [Fact]
    public void Party_WithProvenance_SaysItFirstAndMarksOnlyRowsAfterTheDate()
    {
        var model = Model("Ж-7", "Ж-1");
        var notice = new DashboardProvenance("These logs come from a synthetic history.", null);

        var plain = Renderer().Party(model);
        var none = Renderer().Party(model with { Provenance = notice });
        var all = Renderer().Party(model with { Provenance = notice with { ExtrapolatedAfter = new LocalDate(2000, 1, 1) } });
        var later = Renderer().Party(model with { Provenance = notice with { ExtrapolatedAfter = model.Databases.Max(d => d.AsOf) } });

        Assert.DoesNotContain("provenance", plain, StringComparison.Ordinal);
        Assert.Contains("<main>\n<p class=\"provenance\" role=\"note\">These logs come from a synthetic history.</p>", none, StringComparison.Ordinal);
        Assert.Equal(0, Count(none, "data-extrapolated"));
        Assert.True(Count(all, "data-extrapolated=\"yes\"") >= model.Databases.Length + 1, all);
        Assert.Equal(model.Databases.Length, Count(all, "<tr data-extrapolated=\"yes\"><th scope=\"row\">"));
        Assert.Equal(0, Count(later, "<tr data-extrapolated=\"yes\"><th scope=\"row\">"));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Party_EachChart_HasTheCeilingLineATextAlternativeAndATable()
    {
        var html = Renderer().Party(Model("Ж-7", "Ж-1"));

        Assert.Equal(3, Regex.Count(html, "<svg "));
        Assert.Equal(3, Regex.Count(html, "<table class=\"values\"><caption>"));
        Assert.Equal(3, Regex.Count(html, "<desc id="));
        Assert.Contains("data-limit=\"warheads\" data-ceiling=\"1550\"", html, StringComparison.Ordinal);
        Assert.Matches("<text class=\"ceiling-label\" data-limit=\"warheads\" data-ceiling=\"1550\"[^>]*>1,550</text>", html);
        Assert.Contains("<title>Warheads: at most 1,550 from 2018-02-05</title>", html, StringComparison.Ordinal);
        // Before 2018-02-05 the limit was not yet in effect: a shaded band says so.
        Assert.Contains("<rect class=\"not-in-effect\"", html, StringComparison.Ordinal);
        Assert.Contains("Not in effect (not yet in effect) from 2011-02-05 until 2018-02-05", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_GroupSeries_ChartedAgainstItsCeilingNamingItsMembers()
    {
        var html = Renderer().Party(WithGroup(Model("Ж-7", "Ж-1"), notKnown: false));

        Assert.Equal(4, Regex.Count(html, "<svg "));
        Assert.Contains("<h3 data-group=\"both\">Both parties (group: US, RU)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<figure data-limit=\"both-warheads\" data-scope=\"both\">", html, StringComparison.Ordinal);
        Assert.Matches("<text class=\"ceiling-label\" data-limit=\"both-warheads\" data-ceiling=\"3000\"[^>]*>3,000</text>", html);
        Assert.Contains("<tr><td>2020-02-05</td><td class=\"num\">2,912</td><td class=\"num\">—</td><td class=\"num\">3,000</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-not-known", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_GroupMemberNotKnownOnTheDate_SaysWhoseForcesAreNotKnown()
    {
        var html = Renderer().Party(WithGroup(Model("Ж-7", "Ж-1"), notKnown: true));

        Assert.Contains("<p class=\"no-declaration\" data-not-known=\"RU\">On 2020-09-01 the value of Both parties is not known: the forces of RU are not", html, StringComparison.Ordinal);
        // The points where every member's forces were known are still charted.
        Assert.Contains("data-scope=\"both\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_GroupValueNotKnown_SaysSoRatherThanNoDeclaration()
    {
        var html = Renderer().Overview(Overview());

        Assert.Matches("<tr data-scope=\"both\"><th scope=\"row\">Ж</th><td><a href=\"/dashboard/US[^\"]*\">US</a>, <a href=\"/dashboard/RU[^\"]*\">RU</a></td>", html);
        Assert.Contains("<td class=\"num\" data-known=\"no\">—<br><span class=\"state-other\">not known: a member&#39;s forces are not</span></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_Feed_ListsOverdueAndNamesEveryState()
    {
        var html = Renderer().Party(Model("Ж-7", "Ж-1"));

        Assert.Contains("<tr data-state=\"overdue\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"state-overdue\">overdue</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-state=\"unmatched\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"no\">unique identifier used twice</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_ManySentOnTime_ListsTheLatestAndEveryOneNotOnTime()
    {
        var start = new LocalDateTime(2011, 2, 5, 0, 0);
        var onTime = Enumerable.Range(0, DashboardRenderer.FeedOnTimeRows + 10)
            .Select(i => new NotificationRow("Ж", $"№{i}", "Ж", start.PlusDays(i), start.PlusDays(i + 5), start.PlusDays(i), NotificationState.OnTime));
        var overdue = new NotificationRow("Ж", null, "Ж", start, start.PlusDays(5), null, NotificationState.Overdue);
        var model = Model("Ж", "Ж") with { Notifications = [overdue, .. onTime] }; // oldest first: the renderer orders

        var html = Renderer().Party(model);

        Assert.Equal(DashboardRenderer.FeedOnTimeRows + 1, Regex.Count(html, "<tr data-state="));
        Assert.Contains(">№59<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">№9<", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-state=\"overdue\">", html, StringComparison.Ordinal);
        Assert.Contains($"{DashboardRenderer.FeedOnTimeRows + 1} of {DashboardRenderer.FeedOnTimeRows + 11} shown", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_ManyItems_ListsOneHundredAPageWithPreviousAndNextKeepingTheDate()
    {
        var model = Model("Ж", "Ж") with { Items = Items(250, "u"), Filter = new ItemFilter(Page: 2) };

        var html = Renderer().Party(model);

        Assert.Equal(ItemFilter.PageSize, Regex.Count(html, "<a class=\"item\" "));
        Assert.Contains(">u-0100</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">u-0099</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">u-0200</a>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Items 101–200 of 250 on 2020-09-01; each links to its history</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<span>Page 2 of 3</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"/dashboard/US?at=2020-09-01&amp;page=1#items\">", html, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"/dashboard/US?at=2020-09-01&amp;page=3#items\">", html, StringComparison.Ordinal);
        // Each item's history keeps the date.
        Assert.Contains("<a class=\"item\" href=\"/dashboard/US/items/u-0100?at=2020-09-01\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_LastPage_HasNoNextAndTheFirstNoPrevious()
    {
        var model = Model("Ж", "Ж") with { Items = Items(250, "u") };

        var first = Renderer().Party(model);
        var last = Renderer().Party(model with { Filter = new ItemFilter(Page: 3) });
        var few = Renderer().Party(model with { Items = Items(100, "u") });

        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(50, Regex.Count(last, "<a class=\"item\" "));
        Assert.Contains("Items 201–250 of 250", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pager\"", few, StringComparison.Ordinal); // one page: nothing to page through
    }

    [Fact]
    public void Party_FilteredItems_ListsTheMatchingOnesAndKeepsTheFilterInEveryLink()
    {
        var kinds = ImmutableArray.Create(new VocabularyEntry("u", "Kind U", null, ImmutableDictionary<string, string>.Empty), new VocabularyEntry("u-2", "Kind U-2", null, ImmutableDictionary<string, string>.Empty));
        var model = Model("Ж", "Ж") with { Items = Items(450, "u"), Kinds = kinds, Filter = new ItemFilter(Kind: "u", Base: "u-1", Page: 1) };

        var html = Renderer().Party(model with { Date = Dated(DateReason.Asked) });

        // Kind u is every other item, base u-1 every third: 75 of 450.
        Assert.Contains("Items 1–75 of the 75 that match the filter (450 on 2020-09-01)", html, StringComparison.Ordinal);
        Assert.Equal(75, Regex.Count(html, "<tr><td><a class=\"item\" [^>]*>[^<]*</a></td><td>u</td><td>u</td><td>u</td><td>u-1</td></tr>"));
        Assert.Contains("<option value=\"u\" selected>Kind U (u)</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"u-2\">Kind U-2 (u-2)</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"u-1\" selected>u-1</option>", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"filter\" method=\"get\" action=\"/dashboard/US#items\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"at\" value=\"2020-09-01\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"clear\" href=\"/dashboard/US?at=2020-09-01#items\">", html, StringComparison.Ordinal);
        // The date picker keeps the filter; its link to today too.
        Assert.Contains("<input type=\"hidden\" name=\"kind\" value=\"u\"><input type=\"hidden\" name=\"base\" value=\"u-1\">", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"today\" href=\"/dashboard/US?at=2026-12-03&amp;kind=u&amp;base=u-1\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_FilterMatchingNothing_SaysSoAndOffersEveryItem()
    {
        var model = Model("Ж", "Ж") with { Items = Items(10, "u"), Filter = new ItemFilter(Base: "elsewhere") };

        var html = Renderer().Party(model);

        Assert.Contains("<p class=\"no-match\">None of the 10 items on 2020-09-01 matches the filter.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"items\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"elsewhere\" selected>elsewhere</option>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"clear\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_DatePicker_SubmitsToTheSamePageWithinTheSpanAndLinksToToday()
    {
        var date = Dated(DateReason.Asked);
        var renderer = Renderer();

        var overview = renderer.Overview(Overview() with { Date = date });
        var party = renderer.Party(Model("Ж", "Ж") with { Date = date });
        var item = renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "a b", "Ж", "Ж", Events("Ж"), "Ж") { Date = date });
        var early = renderer.Overview(Overview() with { Date = date with { At = new LocalDate(1990, 1, 1) } });

        Assert.Contains("<form class=\"date\" method=\"get\" action=\"/\"", overview, StringComparison.Ordinal);
        Assert.Contains("<input type=\"date\" name=\"at\" value=\"2020-09-01\" min=\"2010-04-08\" max=\"2026-12-03\" required>", overview, StringComparison.Ordinal);
        Assert.Contains("<a class=\"today\" href=\"/?at=2026-12-03\">Today (2026-12-03)</a>", overview, StringComparison.Ordinal);
        Assert.Contains("<form class=\"date\" method=\"get\" action=\"/dashboard/US\"", party, StringComparison.Ordinal);
        Assert.Contains("<form class=\"date\" method=\"get\" action=\"/dashboard/US/items/a%20b\"", item, StringComparison.Ordinal);
        // A date asked for outside the span widens the picker, so that the form still submits.
        Assert.Contains("value=\"1990-01-01\" min=\"1990-01-01\" max=\"2026-12-03\"", early, StringComparison.Ordinal);
        // Asked for: no note on why.
        Assert.DoesNotContain("class=\"dated\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_TreatyEnded_SaysItShowsTheLastDayInForceAndLinksToToday()
    {
        var html = Renderer().Overview(Overview() with { Date = Dated(DateReason.LastDayInForce) });

        Assert.Contains("<p class=\"dated\" data-reason=\"last-day-in-force\">The treaty has not been in force since 2026-02-05 (expired): with no date asked for, this page shows 2026-02-04, its last day in force and the last date its record covers. The latest statement in the logs this node holds is dated 2018-03-01. <a class=\"today\" href=\"/?at=2026-12-03\">Show today, 2026-12-03</a></p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-04\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_NoDateAskedTreatyInForce_SaysItShowsToday()
    {
        var html = Renderer().Overview(Overview() with { Date = Dated(DateReason.Today) });

        Assert.Contains("<p class=\"dated\" data-reason=\"today\">No date was asked for: this page shows today, 2020-09-01 (UTC).</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_NamesTheNodeAndMarksItsOwnParty()
    {
        var html = Renderer().Overview(Overview() with { Node = Node("United States") });

        Assert.Contains("<p class=\"node\" data-node=\"US\">This node: United States (US) at http://127.0.0.1:5000; its checkpoints carry the origin verity.local/us and open with the key <code class=\"hash\" title=\"US+1a2b3c4d+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=\">US+1a2b3c4d+…</code>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-scope=\"US\" data-own=\"yes\">", html, StringComparison.Ordinal);
        Assert.Contains("this node&#39;s own party", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-scope=\"RU\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_OnItsOwnNodeOrAnothers_SaysWhichLogThePageComesFrom()
    {
        var model = Model("Ж", "Ж");

        var own = Renderer().Party(model with { Node = Node("United States") });
        var mirror = Renderer().Party(model with { Node = Node("Russian Federation", "RU") });

        Assert.Contains("<p class=\"viewing\" data-viewing=\"own\">United States (US) is this node&#39;s own party: the page is derived from the node&#39;s own log.</p>", own, StringComparison.Ordinal);
        Assert.Contains("<p class=\"viewing\" data-viewing=\"mirror\">This is United States (US) as the node of Russian Federation (RU) holds it: the page is derived from this node&#39;s mirror of US&#39;s log", mirror, StringComparison.Ordinal);
    }

    [Fact]
    public void Party_LongHashes_ShortenedWithTheFullValueInTheTitleAndACopyButton()
    {
        var sha = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));
        var model = Model("Ж", "Ж") with { Databases = [new DatabaseSummary(new LocalDate(2020, 3, 1), sha, [])] };

        var html = Renderer().Party(model);

        Assert.Contains($"<code class=\"hash\" title=\"{sha}\">0123456789ab…</code><button type=\"button\" class=\"copy\" data-copy=\"{sha}\" data-copied=\"copied\" title=\"Copy the full value\" hidden>copy</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($">{sha}<", html, StringComparison.Ordinal);
        // The button is hidden until the script shows it: without scripts the page has the title and no dead button.
        Assert.EndsWith($"<script>{DashboardRenderer.CopyScript}</script>\n</body>\n</html>", html, StringComparison.Ordinal);
        // A short value is shown whole, without a button; a page with no button has no script.
        Assert.Contains("<code class=\"hash\">0123</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", Renderer().Error(404, Wordings.NoItem.With("US", "x")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "Bad request")]
    [InlineData(404, "Not found")]
    [InlineData(500, "Error 500")]
    public void Error_TitleAndHeading_MatchTheStatus(int status, string title)
    {
        var html = Renderer().Error(status, Wordings.NotAPage.With("x"), "page");

        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1><p class=\"problem\" data-status=\"{status}\">page: &#39;x&#39; is not a page number: expected a whole number from 1</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_OnADate_ListsTheStatementsUpToItAndSaysHowManyAreLater()
    {
        var model = new ItemHistory("Ж", PartyCode.Parse("US"), "u-1", "Ж", "Ж", Events("Ж"), "Ж");
        var later = model.Events.Select(e => e with { Date = e.Date.PlusYears(5) });

        var html = Renderer().Item(model with { Events = [.. model.Events, .. later], Date = Dated(DateReason.Asked, new LocalDate(2012, 1, 1)) });

        Assert.Equal(2, Regex.Count(html, "<tr data-kind="));
        Assert.Contains("<p class=\"later\">2 later statements about the item, after 2012-01-01, are not shown", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"back\" href=\"/dashboard/US?at=2012-01-01#items\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    [InlineData("ar")]
    [InlineData("fa-AF")]
    public void Pages_InEveryLanguage_NoEnglishStringLeft_RightToLeftWhereWrittenSo(string code)
    {
        var language = Verity.Reports.Languages.Languages.Find(code)!;
        // The dashboard's strings and the core's phrases, which its findings are worded in.
        var english = new[] { "Strings.resx", Path.Combine("resources", "Languages", "PhraseStrings.resx") }
            .SelectMany(file => XDocument.Load(Path.Combine(AppContext.BaseDirectory, file)).Root!.Elements("data"))
            .Where(d => (string)d.Attribute("name")! != "Lang")
            .SelectMany(d => Regex.Split((string)d.Element("value")!, @"\{\d\}"))
            .Select(f => f.Trim(' ', ',', '.', ':', ';', '(', ')', '—', '←', '→'))
            .Where(f => Regex.Count(f, "[A-Za-z]{3,}") >= 2) // a word alike in two languages (Type, Date, Site) is no sign
            .ToHashSet(StringComparer.Ordinal);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = language.Culture;
            var renderer = new DashboardRenderer(new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>(), language);
            var model = Model("Ж-7", "Ж-1", names: "Ж") with
            {
                Node = Node("Ж"),
                Date = Dated(DateReason.LastDayInForce),
                QuotaUse = [new QuotaUse("Ж", 1, 1, 10)],
                Provenance = DashboardProvenance.Demo(new LocalDate(2021, 2, 4)),
                Inspections = [new InspectionRow("Ж-1", PartyCode.Parse("US"), PartyCode.Parse("RU"), "Ж", new LocalDate(2011, 5, 10), "Ж", "acknowledged", ["Ж-2"], [], [("Ж-2", 2)], [.. EveryWording()])],
                Findings = [.. EveryWording().Select(said => new Finding(FindingKind.DatabaseMismatch, new LocalDate(2020, 3, 1), "Ж-7", Wordings.Notification.With("Ж-7"), said))],
            };
            var pages = new[]
            {
                renderer.Overview(Overview() with { Node = Node("Ж"), Date = Dated(DateReason.Today) }),
                renderer.Party(model),
                renderer.Party(model with { FirstDeclaration = null, Basis = null }),
                renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж")),
                renderer.Error(400, Wordings.NotAPage.With("Ж"), "page"),
            };
            foreach (var page in pages)
            {
                Assert.Contains(language.RightToLeft ? $"<html lang=\"{code}\" dir=\"rtl\">" : $"<html lang=\"{code}\">", page, StringComparison.Ordinal);
                var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(page, "<style>.*?</style>|<script>.*?</script>", string.Empty, RegexOptions.Singleline), "<[^>]+>", " "));
                var left = english.Where(f => Regex.IsMatch(text, @"(?<!\p{L})" + Regex.Escape(f) + @"(?!\p{L})")).ToList();
                Assert.True(left.Count == 0, $"English left in the {code} page: {string.Join(" | ", left)}");
            }

            // Every page says it is a translation made for Verity.
            var translated = new ResourceManager("Verity.Reports.Dashboard.Strings", typeof(DashboardRenderer).Assembly).GetString("TranslatedNote", language.Culture)!;
            Assert.All(pages, p => Assert.Contains(WebUtility.HtmlEncode(translated), p, StringComparison.Ordinal));

            // The party's page: its numbers in the language's digits, its dates so too, the switcher marks the language.
            Assert.Contains(language.Number(1550), pages[1], StringComparison.Ordinal);
            Assert.Contains(language.Date(new LocalDate(2011, 5, 10)), pages[1], StringComparison.Ordinal);
            Assert.Contains($"<a aria-current=\"true\" lang=\"{code}\"", pages[1], StringComparison.Ordinal);

            // Every one of the core's wordings is worded in the language, none marked as English.
            var words = new PhraseText(language, [], [], []);
            Assert.Contains($"<td>{WebUtility.HtmlEncode(words.Word(Wordings.Notification.With("Ж-7")))}</td>", pages[1], StringComparison.Ordinal);
            Assert.All(EveryWording(), p => Assert.Contains(WebUtility.HtmlEncode(words.Word(p)), pages[1], StringComparison.Ordinal));
            Assert.DoesNotContain("lang=\"en\"", Regex.Match(pages[1], "<table class=\"findings\">.*?</table>", RegexOptions.Singleline).Value, StringComparison.Ordinal);

            // The chart's axis runs left to right with its labels in the language's digits.
            Assert.Contains($"text-anchor=\"middle\">{language.Digits("2015")}</text>", pages[1], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Each of the core's wordings with "Ж" for every value: rendered, none may leave an English word.</summary>
    private static IEnumerable<Phrase> EveryWording() =>
        Wordings.All.Select(w => w.With([.. Enumerable.Repeat<PhraseValue>("Ж", Regex.Matches(w.English, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max())]));

    private static DashboardRenderer Renderer() =>
        new(new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>());

    private static DashboardModel Overview() => new("Ж", "Ж", new LocalDate(2020, 9, 1), TreatyStanding.InForce,
        [
            new ScopeStanding("US", "Ж", false, [PartyCode.Parse("US")], TreatyStanding.InForce, [new LimitStanding("Ж", "Ж", null, 1457, 1550, LimitStatus.Within)]),
            new ScopeStanding("RU", "Ж", false, [PartyCode.Parse("RU")], TreatyStanding.InForce, [new LimitStanding("Ж", "Ж", null, null, 1550, LimitStatus.Within)]),
            new ScopeStanding("both", "Ж", true, [PartyCode.Parse("US"), PartyCode.Parse("RU")], TreatyStanding.InForce, [new LimitStanding("Ж", "Ж", null, null, 3000, null)]),
        ],
        [new EquivocationAlarm("RU", "Ж", "Ж", "Ж")],
        "Ж");

    /// <summary>A party's page; with <paramref name="names"/> "Ж", no value in it has a Latin letter but the party's code.</summary>
    private static PartyDashboard Model(string subject, string uid, string? names = null)
    {
        var us = PartyCode.Parse("US");
        CompliancePoint Point(int year, long value, long ceiling) =>
            new(new LocalDate(year, 2, 5), value, year == 2020 ? value : null, ceiling, year < 2018 ? LimitStatus.NotYetInEffect : LimitStatus.Within);
        var warheads = new LimitSeries("warheads", names ?? "Warheads", names ?? "Art. II.1(b)", 1550, new LocalDate(2018, 2, 5), [Point(2011, 1800, 1550), Point(2017, 1600, 1550), Point(2018, 1350, 1550), Point(2020, 1457, 1550)]);
        var launchers = new LimitSeries("launchers", names ?? "Launchers", null, 800, new LocalDate(2018, 2, 5), [Point(2011, 1124, 800), Point(2020, 800, 800)]);
        var early = new LimitSeries("early", names ?? "Early", null, 10, new LocalDate(2030, 1, 1), [Point(2011, 1, 10), Point(2012, 2, 10)]);
        var time = new LocalDateTime(2020, 1, 2, 0, 0);
        return new PartyDashboard("new-start", names ?? "New START", us, names ?? "United States", new LocalDate(2020, 9, 1), TreatyStanding.InForce,
            new LocalDate(2011, 2, 5), new LocalDate(2020, 3, 1),
            [new ScopeSeries("US", names ?? "United States", [us], [warheads, launchers, early], false, [])],
            [
                new NotificationRow("Ж", "Ж-1", subject, time, time.PlusDays(5), time.PlusDays(1), NotificationState.OnTime),
                new NotificationRow("Ж", null, subject, time, time.PlusDays(5), null, NotificationState.Overdue),
                new NotificationRow("Ж", "Ж-2", subject, time, null, time, NotificationState.Unmatched),
                new NotificationRow("Ж", "Ж-3", subject, time, null, time, NotificationState.NotAssessed),
            ],
            [new DatabaseSummary(new LocalDate(2020, 3, 1), "0123456789", [new DatabaseCount("warheads", subject, 1457)])],
            [new Finding(FindingKind.UidUsedTwice, new LocalDate(2020, 3, 1), subject, Wordings.Statements.With(subject), Wordings.Statements.With(subject))],
            [new ItemLink(uid, subject, subject, subject, subject)],
            12,
            [
                new LogIntegrity("US", true, 1, "0123", "Ж", true, null, DateTimeOffset.UnixEpoch),
                new LogIntegrity("US", true, 1, "0123", "Ж", false, subject, DateTimeOffset.UnixEpoch),
                new LogIntegrity("RU", false, 1, "0123", "Ж", true, null, DateTimeOffset.UnixEpoch),
                new LogIntegrity("RU", false, 1, null, null, false, null, null),
            ],
            [new PeerStatus("RU", subject, null, subject, 3, subject), new PeerStatus("RU", subject, DateTimeOffset.UnixEpoch, null, 3, null)],
            [new EquivocationAlarm("RU", subject, subject, subject)],
            subject);
    }

    /// <summary>The node of <paramref name="party"/>, its name <paramref name="name"/>.</summary>
    /// <remarks>With <paramref name="name"/> "Ж", no value in it has a Latin letter but the party's code.</remarks>
    private static NodeIdentity Node(string name, string party = "US") => name == "Ж"
        ? new(PartyCode.Parse(party), name, name, name, party + "+" + new string('Ж', 40))
        : new(PartyCode.Parse(party), name, "http://127.0.0.1:5000", "verity.local/" + party.ToLowerInvariant(), party + "+1a2b3c4d+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");

    /// <summary>A page's date, 2020-09-01 unless <paramref name="at"/>; the treaty ended on 2026-02-05, today is 2026-12-03.</summary>
    private static PageDate Dated(DateReason reason, LocalDate? at = null) =>
        new(at ?? (reason == DateReason.LastDayInForce ? new LocalDate(2026, 2, 4) : new LocalDate(2020, 9, 1)), reason, new LocalDate(2026, 12, 3), new LocalDate(2010, 4, 8), new LocalDate(2026, 12, 3))
        {
            Ended = reason == DateReason.LastDayInForce ? new LocalDate(2026, 2, 5) : null,
            EndedAs = reason == DateReason.LastDayInForce ? TreatyStanding.Expired : null,
            LatestStatement = new LocalDate(2018, 3, 1),
        };

    /// <summary><paramref name="count"/> items, alternately of kinds "Ж" and "Ж-2", at three bases.</summary>
    private static ImmutableArray<ItemLink> Items(int count, string text) =>
        [.. Enumerable.Range(0, count).Select(i => new ItemLink($"{text}-{i:D4}", i % 2 == 0 ? text : text + "-2", text, text, $"{text}-{i % 3}"))];

    /// <summary>The page with a group of US and RU and its warheads limit charted at two dates; RU's forces not known on the page's date when <paramref name="notKnown"/>.</summary>
    private static PartyDashboard WithGroup(PartyDashboard model, bool notKnown)
    {
        var (us, ru) = (PartyCode.Parse("US"), PartyCode.Parse("RU"));
        var name = model.PartyName == "Ж" ? "Ж" : "Both parties";
        var points = ImmutableArray.Create(
            new CompliancePoint(new LocalDate(2011, 2, 5), 3500, null, 3000, LimitStatus.NotYetInEffect),
            new CompliancePoint(new LocalDate(2020, 2, 5), 2912, null, 3000, LimitStatus.Within));
        var series = new LimitSeries("both-warheads", name, null, 3000, new LocalDate(2018, 2, 5), points);
        return model with { Scopes = model.Scopes.Add(new ScopeSeries("both", name, [us, ru], [series], true, notKnown ? [ru] : [])) };
    }

    /// <summary>An item's history: a database that lists it and a notification about it.</summary>
    private static ImmutableArray<ItemHistoryEntry> Events(string text)
    {
        var at = new LocalDate(2011, 2, 5);
        var notification = new NotificationDocument(text, PartyCode.Parse("US"), text, at.AtMidnight(), text, at, ImmutableSortedDictionary<string, string>.Empty);
        return [new ItemHistoryEntry(at, 0, StatementTypes.Declaration, new DatabaseItem(text, text, text, text, text, 1), null), new ItemHistoryEntry(at, 1, StatementTypes.Notification, null, notification)];
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<script>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("⟦[A-Za-z0-9_-]+⟧")]
    private static partial Regex Keys();


    [Fact]
    public void DemoProvenance_InThePagesLanguage_EnglishAsTheDemoSaysIt()
    {
        var provenance = DashboardProvenance.Demo(new LocalDate(2021, 2, 4));
        Assert.Equal("These logs were submitted by verity demo from New START's replayed record. " + Verity.Reports.Replay.ReplayText.Synthetic
            + " Databases and notifications after 2021-02-04, the last published data, are extrapolated.", provenance.Notice);

        var language = Verity.Reports.Languages.Languages.Find("fa-AF")!;
        var previous = CultureInfo.CurrentUICulture;
        string dari;
        try
        {
            CultureInfo.CurrentUICulture = language.Culture;
            dari = new DashboardRenderer(new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>(), language)
                .Party(Model("Ж-7", "Ж-1") with { Provenance = provenance });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var notice = WebUtility.HtmlDecode(dari[dari.IndexOf("class=\"provenance\"", StringComparison.Ordinal)..]);
        notice = notice[..notice.IndexOf("</p>", StringComparison.Ordinal)];
        // 2021-02-04 is 16 Dalw 1399 in the Solar Hijri calendar.
        Assert.Contains("این دفترهای ثبت را verity demo از سابقهٔ بازپخش‌شدهٔ معاهدهٔ استارت جدید سپرده است.", notice, StringComparison.Ordinal);
        Assert.Contains("پس از ۱۶ دلو ۱۳۹۹", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("These logs", notice, StringComparison.Ordinal);
    }

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Latin();

    /// <summary>A pseudo-language: each string is its key in brackets; remembers the keys asked for.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public HashSet<string> Keys { get; } = [];

        public LocalizedString this[string name] => Look(name);

        public LocalizedString this[string name, params object[] arguments] => Look(name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        private LocalizedString Look(string name)
        {
            Keys.Add(name);
            return new LocalizedString(name, $"⟦{name}⟧");
        }
    }
}
