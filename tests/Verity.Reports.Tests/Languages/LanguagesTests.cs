using NodaTime;
using Verity.Reports.Dashboard;
using Verity.Reports.Languages;

namespace Verity.Reports.Tests.Languages;

/// <summary>How each language writes dates and numbers, and which one a request asks for.</summary>
public sealed class LanguagesTests
{
    private static readonly Language Dari = Verity.Reports.Languages.Languages.Find("fa-AF")!;
    private static readonly Language Arabic = Verity.Reports.Languages.Languages.Find("ar")!;

    [Theory]
    // Solar Hijri with the Afghan month names: 1 Hamal 1404 is Nowruz, 2025-03-21; Dalw (دلو) is the eleventh month,
    // from 21 January; so 2025-01-24 is 5 Dalw 1403, and each date below counts on from a Nowruz.
    [InlineData(2025, 1, 24, "۵ دلو ۱۴۰۳")]
    [InlineData(2025, 3, 21, "۱ حمل ۱۴۰۴")]
    [InlineData(2011, 2, 5, "۱۶ دلو ۱۳۸۹")]
    [InlineData(2021, 2, 3, "۱۵ دلو ۱۳۹۹")]
    [InlineData(2026, 2, 5, "۱۶ دلو ۱۴۰۴")]
    public void Dari_DateIsSolarHijriWithTheAfghanMonth_AndTheGregorianBeside(int year, int month, int day, string solarHijri)
    {
        var date = new LocalDate(year, month, day);
        var gregorian = Dari.Digits($"{year:0000}-{month:00}-{day:00}");
        Assert.Equal($"{solarHijri} (\u2066{gregorian}\u2069)", Dari.Date(date));
    }

    [Fact]
    public void Numbers_FollowTheLanguage_DigitsWhereCldrsDefaultIsNative()
    {
        Assert.Equal("1,550", Verity.Reports.Languages.Languages.English.Number(1550));
        Assert.Equal("١٬٥٥٠", Arabic.Number(1550));
        Assert.Equal("۱٬۵۵۰", Dari.Number(1550));
        Assert.Equal("2011-02-05", Verity.Reports.Languages.Languages.English.Date(new LocalDate(2011, 2, 5)));
        Assert.Equal("٥/٢/٢٠١١", Arabic.Date(new LocalDate(2011, 2, 5)).Replace("\u200f", string.Empty, StringComparison.Ordinal));
        Assert.Equal("05.02.2011", Verity.Reports.Languages.Languages.Find("ru")!.Date(new LocalDate(2011, 2, 5)));
        Assert.Equal("2011/2/5", Verity.Reports.Languages.Languages.Find("zh-Hans")!.Date(new LocalDate(2011, 2, 5)));
        Assert.Equal("1 550", Verity.Reports.Languages.Languages.Find("ru")!.Number(1550).Replace('\u00a0', ' '));
        Assert.Equal("1.550", Verity.Reports.Languages.Languages.Find("es")!.Number(1550));
    }


    [Fact]
    public void DateTime_IsTheDateAndHhMmInTheLanguagesDigits_MidnightLeftOutUnlessKept()
    {
        var english = Verity.Reports.Languages.Languages.English;
        Assert.Equal("2011-02-05 14:30", english.DateTime(new LocalDateTime(2011, 2, 5, 14, 30), keepMidnight: false));
        Assert.Equal("2011-02-05", english.DateTime(new LocalDateTime(2011, 2, 5, 0, 0), keepMidnight: false));
        Assert.Equal("2011-02-05 00:00", english.DateTime(new LocalDateTime(2011, 2, 5, 0, 0), keepMidnight: true));
        Assert.Equal(Dari.Date(new LocalDate(2025, 1, 24)) + " ۰۹:۰۵", Dari.DateTime(new LocalDateTime(2025, 1, 24, 9, 5), keepMidnight: false));
    }
    [Theory]
    [InlineData("ar-EG,ar;q=0.9,en;q=0.5", "ar")]
    [InlineData("fr-CH, fr;q=0.9, fa;q=0.8", "fr")]
    [InlineData("ps-AF, fa;q=0.8", "fa-AF")]
    [InlineData("prs-AF", "fa-AF")]
    [InlineData("de-DE,de;q=0.9", "en")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans")]
    [InlineData("es-419, ru;q=0.7", "es")]
    [InlineData("en;q=0.1, ar;q=0", "en")]
    [InlineData("*", "en")]
    [InlineData(";;;q=x,,", "en")]
    [InlineData(null, "en")]
    public void Negotiate_AcceptLanguage_AmongTheTranslated(string? header, string expected) =>
        Assert.Equal(expected, Verity.Reports.Languages.Languages.Negotiate(header, DashboardRenderer.Translated).Code);

    [Fact]
    public void Find_UnknownCode_IsNullAndTheMessageNamesTheKnownOnes()
    {
        Assert.Null(Verity.Reports.Languages.Languages.Find("xx", DashboardRenderer.Translated));
        Assert.Equal("zh-Hans", Verity.Reports.Languages.Languages.Find("zh")!.Code);
        Assert.Equal("zh-Hans", Verity.Reports.Languages.Languages.Find("zh-Hans-CN")!.Code);
        Assert.Equal("fa-AF", Verity.Reports.Languages.Languages.Find("fa-IR")!.Code);
        Assert.Equal("ar", Verity.Reports.Languages.Languages.Find("AR-eg")!.Code);
        Assert.Null(Verity.Reports.Languages.Languages.Find("zhx"));
        var message = Verity.Reports.Languages.Languages.Unknown("xx", DashboardRenderer.Translated);
        Assert.Equal("unknown language 'xx': known are en (English), ru (Russian), fr (French), es (Spanish), zh-Hans (Chinese (Simplified)), ar (Arabic), fa-AF (Dari)", message);
    }

    [Fact]
    public void All_TheSixUnLanguagesAndDari_RightToLeftWhereWrittenSo()
    {
        Assert.Equal(["en", "ru", "fr", "es", "zh-Hans", "ar", "fa-AF"], Verity.Reports.Languages.Languages.All.Select(l => l.Code).ToArray());
        Assert.Equal(["ar", "fa-AF"], Verity.Reports.Languages.Languages.All.Where(l => l.RightToLeft).Select(l => l.Code).ToArray());
    }
}
