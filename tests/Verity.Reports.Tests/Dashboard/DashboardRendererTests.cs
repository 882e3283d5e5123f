using System.Collections.Immutable;
using System.Net;
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
using Verity.Core.Treaties;
using Verity.Reports.Dashboard;

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
        var model = Model("Ж-7", "Ж-1", names: "Ж");
        var pages = new[]
        {
            renderer.Overview(Overview()),
            renderer.Party(model),
            renderer.Party(model with { FirstDeclaration = null, Basis = null }),
            renderer.Party(WithGroup(model, notKnown: true)),
            renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж")),
            renderer.NotFound("Ж"),
        };

        foreach (var page in pages)
        {
            var text = WebUtility.HtmlDecode(Tags().Replace(Keys().Replace(Style().Replace(page, string.Empty), string.Empty), " "))
                .Replace("US", string.Empty, StringComparison.Ordinal).Replace("RU", string.Empty, StringComparison.Ordinal); // parties' codes are values
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
        renderer.Party(WithGroup(model, notKnown: true));
        renderer.Item(new ItemHistory("Ж", PartyCode.Parse("US"), "Ж-1", "Ж", "Ж", Events("Ж"), "Ж"));
        renderer.NotFound("Ж");
        var declared = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Strings.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        // Words for every state the model can carry are looked up by name; the rest are used by the pages above.
        var byName = Enum.GetNames<TreatyStanding>().Select(n => "Standing_" + n)
            .Concat(Enum.GetNames<LimitStatus>().Select(n => "Status_" + n))
            .Concat(Enum.GetNames<NotificationState>().Select(n => "Notification_" + n))
            .Concat(Enum.GetNames<FindingKind>().Select(n => "Finding_" + n));
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
            [new Finding(FindingKind.UidUsedTwice, new LocalDate(2020, 3, 1), subject, subject, subject)],
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

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("⟦[A-Za-z0-9_-]+⟧")]
    private static partial Regex Keys();

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
