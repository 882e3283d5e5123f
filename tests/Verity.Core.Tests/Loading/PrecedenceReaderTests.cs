using Verity.Core.Loading;
using static Verity.Core.Tests.TestData;

namespace Verity.Core.Tests.Loading;

public class PrecedenceReaderTests
{
    [Fact]
    public void Parse_BundledFile_ReadsTheDefaultOrder()
    {
        var precedence = PrecedenceReader.Parse(File.ReadAllText(DataPath("forces", "precedence.yaml")), "precedence.yaml");

        Assert.Equal(92, precedence.VintageDays);
        Assert.Equal(["declared", "fas", "sipri", "estimate", "official-projection", "statement", "undisclosed"], precedence.Default.Select(r => r.Id));
    }

    [Theory]
    [InlineData("vintage_days: -1\nrules: [{ id: a, basis: [estimate] }]\norder: { default: [a] }", 1, "vintage_days", "expected a whole number of days")]
    [InlineData("vintage_days: 9\nrules: [{ id: a, basis: [guess] }]\norder: { default: [a] }", 2, "rules[0].basis[0]", "unknown basis 'guess'")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate] }\norder:\n  default: [a, b]", 5, "order.default[1]", "unknown rule 'b'")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate] }\norder:\n  default: [a]\n  warheads: [a]", 6, "order.warheads", "unknown measure 'warheads'")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate] }\norder:\n  stockpile: [a]", 5, "order", "order.default: missing")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate], hosts: [\"not a host\"] }\norder:\n  default: [a]", 3, "rules[0].hosts[0]", "not a host name")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate], prefixes: [fas.org] }\norder:\n  default: [a]", 3, "rules[0].prefixes[0]", "not an absolute http or https URL")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate] }\n  - { id: a, basis: [declared] }\norder:\n  default: [a]", 4, "rules[1].id", "duplicate rule id 'a'")]
    [InlineData("vintage_days: 9\nrules:\n  - { id: a, basis: [estimate], weight: 2 }\norder:\n  default: [a]", 3, "rules[0].weight", "unknown field 'weight'")]
    [InlineData("vintage_days: 9\nrules: [{ id: a, basis: [estimate] }]\norder: { default: [a, a] }", 3, "order.default[1]", "appears twice")]
    [InlineData("vintage_days: [\n", 2, "", "not valid YAML")]
    public void Parse_BadFile_NamesLineAndField(string text, int line, string field, string message)
    {
        var e = Assert.Throws<InputException>(() => PrecedenceReader.Parse(text, "p.yaml"));

        var problem = Assert.Single(e.Diagnostics);
        Assert.Equal(("p.yaml", line, field), (problem.Source, problem.Line, problem.Path));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RuleThatIsABareWord_NamedAsNotARule()
    {
        var e = Assert.Throws<InputException>(() => PrecedenceReader.Parse("vintage_days: 9\nrules:\n  - declared\norder:\n  default: [declared]\n", "p.yaml"));

        Assert.Contains(e.Diagnostics, d => (d.Source, d.Line, d.Path) == ("p.yaml", 3, "rules[0]") && d.Message.Contains("expected a rule", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StarredMeasure_AppliesToEverySystemOfThePrefix()
    {
        var precedence = PrecedenceReader.Parse("vintage_days: 0\nrules:\n  - { id: a, basis: [estimate] }\n  - { id: b, basis: [declared] }\norder:\n  default: [a]\n  \"launchers:*\": [b, a]\n", "p.yaml");

        var order = precedence.For(Core.Forces.ForceMeasure.Parse("launchers:DF-41"));

        Assert.Equal(["b", "a"], order.Select(r => r.Id));
        Assert.Equal("default", precedence.OrderName(Core.Forces.ForceMeasure.Stockpile));
    }
}
