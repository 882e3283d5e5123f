using System.Net;
using System.Net.Http.Headers;
using Verity.Node.Dashboard;

namespace Verity.Node.Tests;

/// <summary>The dashboard's language: <c>?lang=</c> (kept in a cookie), else <c>Accept-Language</c>, else English.</summary>
public sealed class DashboardLanguageTests(SpanningNode fed) : IClassFixture<SpanningNode>
{
    [Fact]
    public async Task Lang_Dari_RightToLeft_SolarHijriDates_KeptForTheNextPage()
    {
        using var client = fed.Node.CreateClient();

        var html = await client.GetStringAsync(new Uri("/dashboard/US?at=2020-09-01&lang=fa-AF", UriKind.Relative));

        Assert.Contains("<html lang=\"fa-AF\" dir=\"rtl\">", html, StringComparison.Ordinal);
        // 2020-09-01 is 11 Sonbola 1399 in the Solar Hijri calendar, with the Gregorian date beside it.
        Assert.Contains("۱۱ سنبلهٔ ۱۳۹۹ (\u2066۲۰۲۰-۰۹-۰۱\u2069)", html, StringComparison.Ordinal);
        Assert.Contains("data-limit=\"warheads\" data-ceiling=\"1550\"", html, StringComparison.Ordinal);
        // The treaty's terms from the treaty file's names in Dari: the limit, not its English name.
        Assert.Contains(fed.Replay.Treaty.FindLimit("launchers")!.NameIn("fa-AF"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(fed.Replay.Treaty.FindLimit("launchers")!.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("United States of America", html, StringComparison.Ordinal);
        Assert.Contains(fed.Replay.Treaty.Parties[0].NameIn("fa-AF"), html, StringComparison.Ordinal);
        Assert.Contains("<a lang=\"en\" hreflang=\"en\" href=\"/dashboard/US?at=2020-09-01&amp;lang=en\">English</a>", html, StringComparison.Ordinal);

        // The databases' columns by the exchange file's names in Dari, the notifications by their types' names.
        Assert.Contains("<th scope=\"col\" class=\"num\">راکت‌های بالستیک قاره‌پیمای مستقر</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Deployed ICBMs<", html, StringComparison.Ordinal);
        var changeInData = fed.Replay.Treaty.Notifications.Single(n => n.Id == "change-in-data");
        Assert.Contains($"<td>{changeInData.Names["fa-AF"]}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>change-in-data</td>", html, StringComparison.Ordinal);
        // The items by their kinds' and statuses' names (ids stay in the filter's values).
        var bomber = fed.Replay.Treaty.ItemKinds.Single(k => k.Id == "heavy-bomber").NameIn("fa-AF");
        Assert.Contains($"</a></td><td>{bomber}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>heavy-bomber</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>deployed</td>", html, StringComparison.Ordinal);

        // The cookie keeps the choice: the overview, asked for without ?lang=, is in Dari too.
        var overview = await client.GetStringAsync(new Uri("/?at=2020-09-01", UriKind.Relative));
        Assert.Contains("<html lang=\"fa-AF\" dir=\"rtl\">", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptLanguage_Arabic_IsFollowed_AndAnUnknownLangIs400NamingTheKnownOnes()
    {
        using var client = fed.Node.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ar-EG"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en", 0.5));

        using var arabic = await client.GetAsync(new Uri("/dashboard/US?at=2020-09-01", UriKind.Relative));
        var html = await arabic.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Equal(["ar"], arabic.Content.Headers.ContentLanguage.ToArray());
        Assert.Equal(["Accept-Language", "Cookie"], arabic.Headers.Vary.ToArray());
        Assert.Contains("الامتثال عبر الزمن", html, StringComparison.Ordinal);

        var response = await client.GetAsync(new Uri("/dashboard/US?lang=xx", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The reason in the page's language (Arabic, from Accept-Language), each known language named in itself.
        Assert.Contains(WebUtility.HtmlEncode("لغة غير معروفة «xx»: اللغات المعروفة هي en (English), ru (Русский), fr (Français), es (Español), zh-Hans (中文), ar (العربية), fa-AF (دری)"), page, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _), "an unknown language is not kept");
        Assert.Equal("verity-lang", DashboardEndpoints.LanguageCookie);
    }

    [Fact]
    public async Task BadRequest_InDari_SaysWhyInDari_WithSolarHijriDates_AndJsonInEnglish()
    {
        using var client = fed.Node.CreateClient();

        using var response = await client.GetAsync(new Uri("/dashboard/US?at=1800-01-01&lang=fa-AF", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"fa-AF\" dir=\"rtl\">", page, StringComparison.Ordinal);
        // Both dates in the Solar Hijri calendar: 1900-01-01 is 11 Jadi 1278 (Nowruz 1279 fell on 1900-03-21).
        Assert.Contains("at: ۱۱ جدی ۱۱۷۸ (\u2066۱۸۰۰-۰۱-۰۱\u2069) خارج از محدودهٔ تاریخ‌های پشتیبانی‌شده است، از ۱۱ جدی ۱۲۷۸ (\u2066۱۹۰۰-۰۱-۰۱\u2069)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("outside the supported dates", page, StringComparison.Ordinal);

        using var missing = await client.GetAsync(new Uri("/dashboard/XX?lang=fa-AF", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("XX طرف معاهده‌ای نیست که این گره دفتر ثبت آن را نگه می‌دارد", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var json = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/US?at=2020-13-01&lang=fa-AF", UriKind.Relative));
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var answer = await client.SendAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("'2020-13-01' is not a date: expected YYYY-MM-DD, such as 2022-03-01", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
