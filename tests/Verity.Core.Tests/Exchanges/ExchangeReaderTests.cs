using NodaTime;
using Verity.Core.Exchanges;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Exchanges;

public class ExchangeReaderTests
{
    private static string Bundled => File.ReadAllText(TestData.DataPath("exchanges", "new-start.yaml"));

    private static InputException Fails(string text) =>
        Assert.Throws<InputException>(() => ExchangeReader.Parse(text, "x.yaml", TestData.NewStart));

    [Fact]
    public void Parse_BundledNewStart_ReadsTheScheduleAndCategories()
    {
        var definition = ExchangeData.NewStart;

        Assert.Equal("new-start", definition.TreatyId);
        Assert.Equal(Period.FromDays(45), definition.InitialDue);
        Assert.Equal(Period.FromMonths(6), definition.PeriodLength);
        Assert.Equal(Period.FromDays(30), definition.UpdateDue);
        Assert.Equal(FirstPeriodRule.FirstDayOfNextMonth, definition.FirstPeriod);
        Assert.Equal("https://www.acq.osd.mil/tc/nst/protocol/NSTprotocolPartFour.htm", definition.Source.Url);
        Assert.Equal(["deployed", "warheads", "launchers"], definition.AggregateLimits.AsEnumerable());
        Assert.Equal("warheads", definition.WarheadsLimit);
        Assert.Equal("Part Two, Section II", definition.WarheadsReference);
        Assert.Equal(12, definition.Categories.Length);
        Assert.All(definition.Categories, c => Assert.StartsWith("Part Two", c.Reference, StringComparison.Ordinal));
        Assert.Equal(CategoryDetail.Locations, definition.Categories.Single(c => c.Id == "deployed-icbm-launchers").Detail);
    }

    [Theory]
    [InlineData("Art. II", 1)]
    [InlineData(".", 20_000)]
    public void Parse_UnknownAttributeWithDotsInItsName_PointsAtItsValue(string part, int times)
    {
        // A name with dots is written ['…'] in a token's path; its position was lost, and a long one took minutes.
        var name = string.Concat(Enumerable.Repeat(part, times));
        var text = Bundled.Replace("where: { kind: [icbm], status: [deployed] }", $"where: {{ kind: [icbm],\n             '{name}': [x] }}", StringComparison.Ordinal);
        var line = text[..text.IndexOf($"'{name}':", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var problem = Assert.Single(Fails(text).Diagnostics);

        Assert.Equal($"categories[0].where['{name}']", problem.Path);
        Assert.Equal((line, 18 + name.Length), (problem.Line, problem.Column));
    }

    [Fact]
    public void Parse_CategoryNames_InEachLanguageTheTreatyDeclares()
    {
        var definition = ExchangeReader.Parse(Bundled, "new-start.yaml", TestData.NewStart);

        var icbms = definition.Categories.Single(c => c.Id == "deployed-icbms");
        Assert.Equal("Развёрнутые МБР", icbms.Names["ru"]);
        Assert.All(definition.Categories, c => Assert.Equal(TestData.NewStart.Translations.Keys.Order(StringComparer.Ordinal), c.Names.Keys.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("      ru: \"Развёрнутые МБР\"", "      de: \"Stationierte ICBMs\"", "names in 'de', a language New START does not declare: its translations are ar, es, fa-AF, fr, ru, zh-Hans", "categories[0].names.de")]
    [InlineData("      ru: \"Развёрнутые МБР\"", "      ru: [1, 2]", "the name in 'ru' is not text", "categories[0].names.ru")]
    [InlineData("      ru: \"Развёрнутые МБР\"", "      ru: \"  \"", "the name in 'ru' is not text", "categories[0].names.ru")]
    public void Parse_BadCategoryName_PointsAtIt(string from, string to, string message, string path)
    {
        var error = Fails(Bundled.Replace(from, to, StringComparison.Ordinal));

        var problem = Assert.Single(error.Diagnostics);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Parse_UnknownKindInCategory_PointsAtTheValue()
    {
        var error = Fails(Bundled.Replace("where: { kind: [icbm], status: [deployed] }", "where: { kind: [cruise-missile], status: [deployed] }", StringComparison.Ordinal));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Contains("unknown kind 'cruise-missile'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("categories[0].where.kind[0]", problem.Path);
        Assert.True(problem.Line > 1);
    }

    [Fact]
    public void Parse_UnknownLimit_NamesTheTreatysLimits()
    {
        var error = Fails(Bundled.Replace("limit: warheads", "limit: reentry-vehicles", StringComparison.Ordinal));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Contains("unknown limit 'reentry-vehicles'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("deployed, warheads, launchers", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownAttributeInFilter_NamesIt()
    {
        var text = Bundled;
        var at = text.IndexOf("armament: { not: [non-nuclear] }", StringComparison.Ordinal);
        var error = Fails(text[..at] + "payload: [gravity-bombs]" + text[(at + "armament: { not: [non-nuclear] }".Length)..]);

        var problem = Assert.Single(error.Diagnostics);
        Assert.Contains("unknown attribute 'payload'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("categories[8].where.payload", problem.Path);
    }

    [Fact]
    public void Parse_AnotherTreatysDefinition_SaysWhichTreaty()
    {
        var error = Fails(Bundled.Replace("treaty: new-start", "treaty: start-i", StringComparison.Ordinal));

        Assert.Contains("for treaty 'start-i'", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period: P6M", "period: six months", "schedule.updates.period")]
    [InlineData("due: P30D", "due: P-30D", "schedule.updates.due")]
    [InlineData("first_period_starts: first-day-of-month-after-entry-into-force", "first_period_starts: next-monday", "schedule.updates.first_period_starts")]
    [InlineData("detail: locations", "detail: uids", "categories[2].detail")]
    public void Parse_BadValue_PointsAtTheField(string from, string to, string path)
    {
        var text = Bundled;
        var at = text.IndexOf(from, StringComparison.Ordinal);
        var error = Fails(text[..at] + to + text[(at + from.Length)..]);

        Assert.Equal(path, Assert.Single(error.Diagnostics).Path);
    }

    [Fact]
    public void Parse_UnknownAndMissingFields_ReportsEach()
    {
        var text = "treaty: new-start\nschedul: {}\naggregates: { limits: [deployed] }\nwarheads: { limit: warheads, groups: [ { id: all, name: All, where: {} } ] }\ncategories: [ { id: a, name: A, where: { kind: [icbm] }, detail: items } ]\n";

        var error = Fails(text);

        Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown field 'schedul'", StringComparison.Ordinal) && d.Line == 2);
        Assert.Contains(error.Diagnostics, d => d.Message.Contains("missing required field 'schedule'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_ReportsTheLine()
    {
        var error = Fails("treaty: [new-start\n");

        Assert.Contains("not valid YAML", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }
}
